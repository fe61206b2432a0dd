import { KIND_STYLES } from '@/lib/highlight/highlight-styles';
import { MENTION_KINDS } from '@/lib/detect/types';

/** Styles inside the panel's shadow root: the page's CSS does not reach them, nor ours the page. */
export function panelCss(): string {
  const swatches = MENTION_KINDS.map((k) => {
    const s = KIND_STYLES[k];
    return `.swatch.kind-${k} { background: ${s.fill}; border-bottom: 3px ${s.line === 'wavy' ? 'dotted' : s.line} ${s.color}; }
.entity.kind-${k} { border-left: 4px ${s.line === 'wavy' || s.line === 'double' ? 'solid' : s.line} ${s.color}; }`;
  }).join('\n');
  return `
:host { all: initial; }
* { box-sizing: border-box; }
.root { font: 13px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d1d1f; color-scheme: light; }
.pill, .panel { position: fixed; right: 16px; bottom: 16px; z-index: 2147483647; background: #fff; color: #1d1d1f;
  border: 1px solid #8a8a8e; border-radius: 8px; box-shadow: 0 4px 18px rgba(0,0,0,.25); }
.pill { padding: 6px 12px; font: inherit; font-weight: 600; cursor: pointer; }
.panel { width: 320px; max-height: min(70vh, 560px); overflow: auto; padding: 8px 12px 12px; }
header { display: flex; align-items: center; justify-content: space-between; }
h2 { font-size: 14px; margin: 0; }
h3 { font-size: 12px; margin: 10px 0 4px; text-transform: uppercase; letter-spacing: .04em; color: #4a4a4f; }
p { margin: 6px 0; }
button { font: inherit; color: inherit; }
button:focus-visible, input:focus-visible { outline: 2px solid #0072B2; outline-offset: 2px; }
.icon { border: none; background: none; font-size: 18px; cursor: pointer; padding: 0 6px; }
.kinds, .entities ul { list-style: none; margin: 0; padding: 0; }
.kinds li label { display: flex; gap: 6px; align-items: center; padding: 2px 0; cursor: pointer; }
.swatch { display: inline-block; width: 16px; height: 12px; }
.count { color: #4a4a4f; margin-left: auto; }
.entities li { margin: 2px 0; }
.entity { display: flex; width: 100%; gap: 6px; text-align: left; background: #f5f5f7; border: 1px solid transparent;
  border-radius: 4px; padding: 3px 6px; cursor: pointer; }
.entity:hover { background: #e8e8ed; }
.entity .label { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.detached .entity { opacity: .8; font-style: italic; }
.actions { display: flex; gap: 8px; align-items: center; margin-top: 10px; flex-wrap: wrap; }
.primary { background: #0072B2; color: #fff; border: none; border-radius: 4px; padding: 6px 12px; cursor: pointer; }
.primary[disabled] { opacity: .6; }
.notice { background: #fff4d6; border-radius: 4px; padding: 4px 6px; }
.error { color: #a4000f; }
.card { position: fixed; z-index: 2147483647; width: 280px; background: #fff; color: #1d1d1f; border: 1px solid #8a8a8e;
  border-radius: 6px; padding: 8px 10px; box-shadow: 0 4px 14px rgba(0,0,0,.25); }
.card-kind { display: flex; gap: 6px; align-items: center; font-size: 11px; text-transform: uppercase; color: #4a4a4f; }
.card-name { font-weight: 600; font-size: 14px; margin: 2px 0; }
.card-quote { color: #4a4a4f; }
.card dl { display: grid; grid-template-columns: auto 1fr; gap: 2px 8px; margin: 6px 0 0; }
.card dt { color: #4a4a4f; } .card dd { margin: 0; }
.card-link { display: inline-block; margin-top: 6px; color: #005a8c; }
.card-note { margin-top: 6px; font-style: italic; }
@media (prefers-color-scheme: dark) {
  .root { color-scheme: dark; }
  .pill, .panel, .card { background: #1f1f22; color: #f2f2f5; border-color: #6e6e73; }
  h3, .count, .card-kind, .card dt, .card-quote { color: #b8b8bf; }
  .entity { background: #2c2c30; } .entity:hover { background: #3a3a40; }
  .notice { background: #4a3b00; } .card-link { color: #8fd0ff; } .error { color: #ff8a8a; }
}
${swatches}
`;
}
