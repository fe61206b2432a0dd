import { render } from 'preact';
import { openAndRead } from '@/components/open-library';
import { App, readClipping } from './App';

void openAndRead(readClipping).then((opened) => render(<App {...opened} />, document.getElementById('app')!));
