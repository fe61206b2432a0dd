import { render } from 'preact';
import { openWithFirstScreen } from '@/components/open-library';
import { App, listHeight } from './App';

void openWithFirstScreen(listHeight()).then((opened) => render(<App {...opened} />, document.getElementById('app')!));
