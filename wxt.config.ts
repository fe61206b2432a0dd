import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';

// Without a display there is nothing to open a browser in; tests drive the built extension themselves.
const headless = !process.env.DISPLAY;

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    resolve: {
      alias: {
        // linkedom (the background's HTML parser) takes node-canvas when it is installed and a shim
        // otherwise; bundled, that choice is lost and a page with a <canvas> failed to parse.
        canvas: fileURLToPath(new URL('./node_modules/linkedom/commonjs/canvas-shim.cjs', import.meta.url)),
      },
    },
  }),
  // A separate output folder lets two builds (e.g. a benchmark and a test run) work side by side.
  outDir: process.env.MIGRALENS_OUT_DIR || '.output',
  manifest: ({ browser }) => ({
    name: 'MigraLens',
    description:
      'Highlights institutions, roles, people, figures and dates in migration news and keeps annotated clippings in a local library.',
    permissions: ['activeTab', 'scripting', 'storage', 'contextMenus'],
    action: { default_title: 'MigraLens' },
    commands: {
      'save-page': { suggested_key: { default: 'Alt+Shift+S' }, description: 'Save page as clipping' },
      'annotate-page': { suggested_key: { default: 'Alt+Shift+A' }, description: 'Annotate this page' },
    },
    // Automatic annotation: requested at runtime, site by site, from the options page; none is granted at install.
    ...(browser === 'firefox'
      ? { optional_permissions: ['https://*/*', 'http://*/*'] }
      : { optional_host_permissions: ['https://*/*', 'http://*/*'] }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'migralens@migralens.org',
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : { minimum_chrome_version: '110' }),
  }),
  webExt: {
    disabled: headless,
    binaries: { chrome: '/usr/bin/chromium', firefox: '/usr/bin/firefox-esr' },
  },
});
