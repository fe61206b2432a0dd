import { render } from 'preact';
import { openWithFirstScreen } from '@/components/use-database';
import { App, LIST_HEIGHT } from './App';

void openWithFirstScreen(LIST_HEIGHT).then(({ db, first, upgrading }) => render(<App db={db} first={first} upgrading={upgrading} />, document.getElementById('app')!));
