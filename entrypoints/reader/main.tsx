import { render } from 'preact';
import { openAndRead } from '@/components/use-database';
import { App, readClipping } from './App';

void openAndRead(readClipping).then(({ db, first }) => render(<App db={db} first={first} />, document.getElementById('app')!));
