import { render } from 'preact';
import { openWithFirstScreen } from '@/components/open-library';
import { App, LIST_HEIGHT } from './App';

void openWithFirstScreen(LIST_HEIGHT).then((opened) => render(<App {...opened} />, document.getElementById('app')!));
