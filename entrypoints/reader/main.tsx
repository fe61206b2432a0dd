import { render } from 'preact';
import { openAndRead } from '@/components/use-database';
import { App, readClipping } from './App';

void openAndRead(readClipping).then(({ db, first, upgrading }) => render(<App db={db} first={first} upgrading={upgrading} />, document.getElementById('app')!));
