// The one stylesheet of the shadow root. Bare element selectors match only inside it. `:host`
// rules are !important: inside a shadow root only those beat the page's rules on the host element
// (e.g. `* { all: unset }`). Compact on purpose: it counts in the size budget.
// Dark links take the text colour: the brand colour is often too dark to read on dark grey.
const DARK = '--bg:#1f2937;--fg:#f3f4f6;--mu:#9ca3af;--ln:#374151;--lk:var(--fg)';
const I = '!important';

export const CSS = `:host{all:initial${I};display:block${I};position:fixed${I};top:0${I};left:0${I};width:0${I};height:0${I};z-index:2147483647${I};--onward-brand:#4f46e5;--onward-font:system-ui,-apple-system,sans-serif;--onward-radius:8px}
:host([data-flow]){position:relative${I};width:auto${I};height:auto${I}}
*{box-sizing:border-box}
.ow{--bg:#fff;--fg:#111827;--mu:#6b7280;--ln:#e5e7eb;font:14px/1.5 var(--onward-font);color:var(--fg)}
.ow[data-mode=dark]{${DARK}}
@media(prefers-color-scheme:dark){.ow[data-mode=auto]{${DARK}}}
.ow-sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.ow-card{position:fixed;background:var(--bg);border:1px solid var(--ln);border-radius:var(--onward-radius);box-shadow:0 8px 28px #0004;padding:16px;width:max-content;max-width:min(360px,calc(100vw - 16px))}
h2{margin:0 0 6px;padding-inline-end:24px;font-size:16px;line-height:1.3}
p,ul,ol{margin:0 0 8px}ul,ol{padding-inline-start:20px}
.ow-body{max-height:50vh;overflow:auto}.ow-body>:last-child{margin:0}
img{max-width:100%}a{color:var(--lk,var(--onward-brand))}
button,textarea{font:inherit;color:inherit;background:none;border:0;padding:0;border-radius:calc(var(--onward-radius)*.75)}
button{cursor:pointer}:focus-visible{outline:2px solid var(--onward-brand);outline-offset:2px}.ow-card{outline:0}
.ow-foot{display:flex;flex-wrap:wrap;align-items:center;justify-content:flex-end;gap:8px;margin-top:12px}
.ow-prog{margin-inline-end:auto;color:var(--mu);font-size:12px}
.ow-btn{border:1px solid var(--ln);padding:6px 12px}
.ow-pri{background:var(--onward-brand);border-color:var(--onward-brand);color:#fff}
.ow-x{position:absolute;top:8px;inset-inline-end:8px;width:28px;height:28px;font-size:20px;color:var(--mu)}
.ow-tip{top:0;left:0;opacity:0;transition:opacity .15s}.ow-tip[data-side]{opacity:1}
.ow-arr{position:absolute;width:10px;height:10px;background:inherit;transform:rotate(45deg)}
.ow-back{position:fixed;inset:0;background:#0008}
.ow-modal{top:50%;left:50%;transform:translate(-50%,-50%);width:min(480px,calc(100vw - 16px));max-width:none}
.ow-spot{position:fixed;border-radius:var(--onward-radius);box-shadow:0 0 0 100vmax #0008;pointer-events:none;transition:all .2s}
.ow-beacon{position:fixed;width:24px;height:24px;border-radius:50%;background:var(--onward-brand);border:4px solid #fff;animation:ow-p 1.6s infinite}
@keyframes ow-p{from{box-shadow:0 0 0 0 var(--onward-brand)}to{box-shadow:0 0 0 14px #0000}}
.ow-ban{position:fixed;left:0;right:0;display:flex;flex-wrap:wrap;align-items:center;gap:4px 16px;padding-block:10px;padding-inline:16px 48px;background:var(--onward-brand);color:#fff}
.ow-ban[data-pos=top]{top:0}.ow-ban[data-pos=bottom]{bottom:0}.ow-ban[data-inline]{position:relative}
.ow-ban *{margin:0;padding-inline-end:0;color:inherit}.ow-ban .ow-btn{border-color:currentColor;padding:4px 12px}.ow-ban .ow-pri{background:#fff;color:var(--onward-brand)}
.ow-dock{position:fixed;bottom:16px;inset-inline-end:16px;display:flex;flex-direction:column;align-items:flex-end;gap:8px}
.ow-dock>.ow-card{position:relative;width:min(340px,calc(100vw - 32px))}
.ow-launch{display:flex;align-items:center;gap:8px;padding:4px;padding-inline-start:16px;border-radius:99px;background:var(--onward-brand);color:#fff;box-shadow:0 4px 16px #0003}
.ow-launch>button{font-weight:600}.ow-launch .ow-x{position:static;color:inherit}
.ow-pill{border-radius:99px;padding:0 8px;font-size:12px;background:#fff4}
.ow-items{list-style:none;padding:0;margin:8px 0 0}
.ow-items li{display:flex;gap:8px;padding:6px 0;border-top:1px solid var(--ln)}
.ow-items button{text-align:start;text-decoration:underline}.ow-done{color:var(--mu);text-decoration:line-through}
.ow-scale{display:flex;gap:2px;margin-top:8px}.ow-scale button{flex:1;min-height:32px;border:1px solid var(--ln)}
.ow-ends{display:flex;justify-content:space-between;color:var(--mu);font-size:12px}
textarea{display:block;width:100%;min-height:64px;margin-top:6px;padding:6px;background:var(--bg);border:1px solid var(--ln)}
@media(prefers-reduced-motion:reduce){*{animation:none${I};transition:none${I}}}`;
