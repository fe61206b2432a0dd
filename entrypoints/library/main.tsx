import { render } from 'preact';
import { openWithFirstScreen } from '@/components/use-database';
import { App, listHeight } from './App';

void openWithFirstScreen(listHeight()).then(({ db, first, upgrading }) => render(<App db={db} first={first} upgrading={upgrading} />, document.getElementById('app')!));
