import { render } from 'preact';
import { openWithFirstScreen } from '@/components/use-database';
import { App, LIST_HEIGHT } from './App';

void openWithFirstScreen(LIST_HEIGHT).then(({ db, first }) => render(<App db={db} first={first} />, document.getElementById('app')!));
