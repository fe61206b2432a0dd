import { render } from 'preact';
import { openWithFirstScreen } from '@/components/use-database';
import { App, listHeight } from './App';

void openWithFirstScreen(listHeight()).then(({ db, first }) => render(<App db={db} first={first} />, document.getElementById('app')!));
