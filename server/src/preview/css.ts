/** The preview's style sheet (report and webview alike), as text: no file is loaded from elsewhere. */

// ------------------------------------------------------------------ style

/**
 * The stylesheet of report and webview. Colours are CSS variables: the system's light
 * or dark scheme by default, or a `data-theme` on any ancestor (`light`, `dark`,
 * `high-contrast`, `high-contrast-light`, `vscode` to take VS Code's theme variables).
 */
/** The dark colours, once: for the system's dark mode and for an explicit dark theme. */
const DARK_PALETTE = `--bg: #16181c; --card: #1e2127; --fg: #e6e6e3; --muted: #a2a8b0; --line: #31353d; --soft: #262a31; --accent: #8db0ff; --accent-soft: #223052; --ok: #6fd3a0; --ok-soft: #1c3a2c; --warn: #f2c063; --warn-soft: #3c3220; --bad: #ff8f80; --bad-soft: #47231f; --track: #2a2e35; --tick: #3b4049; --limit: #ff8f80; --gap: #8a7a5a; --warn-bar: #e0b050; --m-push: #ef7b57; --m-mixed: #f0ad55; --m-story: #a985d9; --m-dialog: #5b9fe6; --m-service: #3bb7a6; --m-people: #d8b441; --m-ugc: #e07bb5; --m-unknown: #7d838b; --m-ink: #111318; --m-ink-dark: #111318; --shadow: none; color-scheme: dark;`;

export const PREVIEW_CSS = `
.sd {
  --bg: #f7f6f3; --card: #ffffff; --fg: #1f2328; --muted: #5f6670; --line: #e3e1dc; --soft: #efede8;
  --accent: #2f5fd0; --accent-soft: #e6edfb;
  --ok: #1f7a4d; --ok-soft: #e3f3ea; --warn: #9a6200; --warn-soft: #fbf0d9; --bad: #b42318; --bad-soft: #fde7e4;
  --track: #eceae5; --tick: #d9d6cf; --limit: #b42318; --gap: #c2a878; --warn-bar: #e0a526;
  --m-push: #d9603b; --m-mixed: #e59b3d; --m-story: #8a5cc2; --m-dialog: #2f7fd0; --m-service: #1f9a8a;
  --m-people: #c9a227; --m-ugc: #cf5a9c; --m-unknown: #9aa0a6; --m-ink: #ffffff; --m-ink-dark: #1f2328;
  --radius: 10px; --shadow: 0 1px 2px rgba(20, 20, 20, .05), 0 2px 8px rgba(20, 20, 20, .04);
  color-scheme: light;
}
@media (prefers-color-scheme: dark) {
  .sd:not([data-theme]):not([data-theme] .sd) {
    ${DARK_PALETTE}
  }
}
[data-theme="dark"] .sd, .sd[data-theme="dark"] {
  ${DARK_PALETTE}
}
[data-theme="high-contrast"] .sd, .sd[data-theme="high-contrast"] {
  --bg: #000; --card: #000; --fg: #fff; --muted: #fff; --line: #fff; --soft: #000;
  --accent: #ffd400; --accent-soft: #000; --ok: #3ff23f; --ok-soft: #000; --warn: #ffd400; --warn-soft: #000;
  --bad: #ff6b6b; --bad-soft: #000; --track: #000; --tick: #fff; --limit: #ff6b6b; --gap: #fff; --warn-bar: #ffd400; --track-line: #fff;
  --m-push: #ff7a4d; --m-mixed: #ffb347; --m-story: #c9a0ff; --m-dialog: #6cb6ff; --m-service: #40e0c8;
  --m-people: #ffe14d; --m-ugc: #ff8fd0; --m-unknown: #c0c0c0; --m-ink: #000; --m-ink-dark: #000;
  --shadow: none; color-scheme: dark;
}
[data-theme="high-contrast-light"] .sd, .sd[data-theme="high-contrast-light"] {
  --bg: #fff; --card: #fff; --fg: #000; --muted: #000; --line: #000; --soft: #fff;
  --accent: #0033cc; --accent-soft: #fff; --ok: #005a00; --ok-soft: #fff; --warn: #6b4400; --warn-soft: #fff;
  --bad: #b00000; --bad-soft: #fff; --track: #fff; --tick: #000; --limit: #b00000; --gap: #000; --warn-bar: #6b4400; --track-line: #000;
  --m-push: #b33a12; --m-mixed: #8a5a00; --m-story: #5b2a99; --m-dialog: #0b4fa0; --m-service: #006b5e;
  --m-people: #6b5800; --m-ugc: #99205f; --m-unknown: #444; --m-ink: #fff; --m-ink-dark: #fff;
  --shadow: none; color-scheme: light;
}
[data-theme="vscode"] .sd, .sd[data-theme="vscode"] {
  --bg: var(--vscode-editor-background, #1e1e1e); --card: var(--vscode-sideBar-background, var(--vscode-editor-background, #252526));
  --fg: var(--vscode-editor-foreground, #ccc); --muted: var(--vscode-descriptionForeground, #999);
  --line: var(--vscode-panel-border, var(--vscode-widget-border, #444)); --soft: var(--vscode-textBlockQuote-background, #2a2a2a);
  --accent: var(--vscode-textLink-foreground, #3794ff); --accent-soft: var(--vscode-editor-inactiveSelectionBackground, #333);
  --ok: var(--vscode-testing-iconPassed, #73c991); --warn: var(--vscode-editorWarning-foreground, #cca700);
  --bad: var(--vscode-editorError-foreground, #f14c4c); --track: var(--vscode-editorWidget-background, #2d2d2d);
  --limit: var(--vscode-editorError-foreground, #f14c4c); --shadow: none;
  --ok-soft: color-mix(in srgb, var(--ok) 16%, transparent); --warn-soft: color-mix(in srgb, var(--warn) 16%, transparent);
  --bad-soft: color-mix(in srgb, var(--bad) 16%, transparent); --accent-soft: color-mix(in srgb, var(--accent) 16%, transparent);
  --warn-bar: var(--warn); --tick: var(--line); --gap: var(--muted);
  font-family: var(--vscode-font-family, system-ui, sans-serif);
}
.sd, .sd * { box-sizing: border-box; }
body.sd { margin: 0; }
.sd {
  background: var(--bg); color: var(--fg);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif;
  -webkit-text-size-adjust: 100%;
}
.sd-report { max-width: 1180px; margin: 0 auto; padding: 32px 28px 64px; min-height: 100vh; }
.sd a, .sd .sd-link { color: var(--accent); text-decoration: none; }
.sd a:hover, .sd .sd-link:hover { text-decoration: underline; }
.sd a:focus-visible, .sd button:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; border-radius: 4px; }
/* webview: places are buttons that look like the report's links */
.sd button.sd-link { font: inherit; background: none; border: 0; padding: 0; margin: 0; cursor: pointer; text-align: inherit; color: var(--accent); }
.sd button.sd-step-name { font-weight: 650; font-size: 14.5px; }
.sd button.sd-id { font: 600 12.5px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--accent-soft); padding: 1px 6px; border-radius: 5px; }
.sd button.sd-loc { font: 12.5px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.sd button.sd-e-loc { color: var(--fg); padding: 2px 3px; text-align: left; }
.sd h1, .sd h2, .sd h3, .sd h4, .sd h5 { line-height: 1.25; margin: 0; font-weight: 650; letter-spacing: -0.01em; }
.sd code { font: 0.92em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.sd-muted, .sd-small { color: var(--muted); }
.sd-small { font-size: 13px; margin: 4px 0 0; }
.sd-visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.sd-warn-text { color: var(--warn); }
.sd-good-text { color: var(--ok); }

/* header */
.sd-project + .sd-project { margin-top: 56px; padding-top: 40px; border-top: 2px solid var(--line); }
.sd-head { margin-bottom: 28px; }
.sd-kicker { margin: 0 0 6px; font-size: 12px; letter-spacing: .08em; text-transform: uppercase; color: var(--muted); }
.sd-title { font-size: 30px; }
.sd-project .sd-title { font-size: 26px; }
.sd-meta { margin: 8px 0 0; color: var(--muted); font-size: 14px; }
.sd-tiles { list-style: none; display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px; padding: 0; margin: 20px 0 0; }
.sd-tile { background: var(--card); border: 1px solid var(--line); border-radius: var(--radius); padding: 12px 14px; box-shadow: var(--shadow); border-top: 3px solid var(--line); }
.sd-tile-big { display: block; font-size: 24px; font-weight: 680; font-variant-numeric: tabular-nums; }
.sd-tile-small { display: block; font-size: 12.5px; color: var(--muted); }
.sd-tone-good { border-top-color: var(--ok); }
.sd-tone-warn { border-top-color: var(--warn); }
.sd-tone-bad { border-top-color: var(--bad); }
.sd-toc { background: var(--card); border: 1px solid var(--line); border-radius: var(--radius); padding: 12px 20px; margin-bottom: 32px; }
.sd-toc ol { margin: 0; padding-left: 20px; }

.sd-missing { background: var(--warn-soft); border: 1px solid var(--warn); border-left-width: 4px; border-radius: var(--radius); padding: 14px 18px; margin: 0 0 28px; }
.sd-missing h2, .sd-missing h3 { font-size: 16px; margin-bottom: 6px; }
.sd-missing ul { margin: 0; padding-left: 20px; }
.sd-missing li + li { margin-top: 4px; }

.sd-section { margin-top: 40px; }
.sd-section > h2, .sd-section > h3 { font-size: 21px; padding-bottom: 6px; border-bottom: 1px solid var(--line); }
.sd-section h3, .sd-section h4 { font-size: 16px; }
.sd-change { margin-top: 0; }
.sd-change-table { border-collapse: collapse; margin: 8px 0 16px; }
.sd-change-table th, .sd-change-table td { text-align: left; padding: 4px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
.sd-intro { color: var(--muted); margin: 8px 0 16px; max-width: 75ch; }
.sd-empty { color: var(--muted); font-style: italic; }

/* stepper */
.sd-stepper { list-style: none; padding: 0; margin: 0; display: grid; grid-template-columns: repeat(8, minmax(0, 1fr)); gap: 0; counter-reset: none; }
.sd-stepper .sd-step { position: relative; padding: 0 8px; text-align: center; }
.sd-stepper .sd-step::before { content: ""; position: absolute; top: 17px; left: -50%; width: 100%; height: 3px; background: var(--line); z-index: 0; }
.sd-stepper .sd-step:first-child::before { display: none; }
.sd-stepper .sd-step.is-complete::before { background: var(--ok); }
.sd-dot {
  position: relative; z-index: 1; display: inline-flex; align-items: center; justify-content: center;
  width: 36px; height: 36px; border-radius: 50%; font-weight: 700; font-size: 15px;
  border: 3px solid var(--line); background: var(--card); color: var(--muted);
}
.sd-step.is-complete .sd-dot { background: var(--ok); border-color: var(--ok); color: var(--card); }
.sd-step.is-thin .sd-dot { border-color: var(--warn); color: var(--warn); background: linear-gradient(90deg, var(--warn-soft) 50%, var(--card) 50%); }
.sd-step.is-missing .sd-dot { border-style: dashed; border-color: var(--bad); color: var(--bad); }
.sd-step-text { display: flex; flex-direction: column; align-items: center; gap: 2px; margin-top: 8px; }
.sd-step-num { font-size: 11px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); }
.sd-step-name { font-weight: 650; font-size: 14.5px; }
.sd .sd-step-name { text-align: center; }
.sd-state { font-size: 12px; font-weight: 600; border-radius: 999px; padding: 1px 8px; }
.is-complete .sd-state { color: var(--ok); background: var(--ok-soft); }
.is-thin .sd-state { color: var(--warn); background: var(--warn-soft); }
.is-missing .sd-state { color: var(--bad); background: var(--bad-soft); }
.sd-holds { font-size: 12.5px; color: var(--fg); }
.sd-note { font-size: 12px; color: var(--muted); line-height: 1.35; margin-top: 2px; }
.sd-others { list-style: none; padding: 0; margin: 0; display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); gap: 12px; }
.sd-others .sd-step { display: flex; gap: 12px; align-items: flex-start; background: var(--card); border: 1px solid var(--line); border-radius: var(--radius); padding: 12px; box-shadow: var(--shadow); }
.sd-others .sd-dot { width: 28px; height: 28px; flex: none; font-size: 14px; border-width: 2px; }
.sd-others .sd-step-text { align-items: flex-start; margin-top: 0; }
.sd .sd-others .sd-step-name { text-align: left; }
.sd-section h3[id$="-others"], .sd-section h4[id$="-others"] { margin-top: 32px; }

/* goals */
.sd-goals { display: flex; flex-direction: column; gap: 14px; }
.sd-goal {
  display: grid; grid-template-columns: minmax(0, 1.1fr) minmax(0, 1.5fr) minmax(0, 1fr); gap: 0;
  background: var(--card); border: 1px solid var(--line); border-radius: var(--radius); box-shadow: var(--shadow); overflow: hidden;
}
.sd-goal.is-primary { border-left: 4px solid var(--accent); }
.sd-goal-col { padding: 14px 16px; min-width: 0; }
.sd-goal-col + .sd-goal-col { border-left: 1px solid var(--line); position: relative; }
.sd-goal-col + .sd-goal-col::before {
  content: "→"; position: absolute; left: -11px; top: 14px; width: 20px; height: 20px; line-height: 18px; text-align: center;
  background: var(--card); color: var(--muted); border: 1px solid var(--line); border-radius: 50%; font-size: 12px;
}
.sd-goal-head { margin: 0; display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
.sd-goal-title { margin: 8px 0 0; font-weight: 600; font-size: 15.5px; }
.sd-cost { margin: 4px 0 0; font-size: 13px; opacity: .85; }
.sd-id { font: 600 12.5px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--accent-soft); color: var(--accent); padding: 1px 6px; border-radius: 5px; }
.sd .sd-id { color: var(--accent); }
.sd-tag { font-size: 12px; border: 1px solid var(--line); border-radius: 999px; padding: 0 8px; color: var(--muted); }
.sd-tag-primary { color: var(--accent); border-color: var(--accent); font-weight: 600; }
.sd-col-label { margin: 0 0 6px 6px; font-size: 11px; text-transform: uppercase; letter-spacing: .07em; color: var(--muted); }
.sd-kpis { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 10px; }
.sd-kpi { display: flex; flex-direction: column; gap: 3px; }
.sd-kpi-title { font-weight: 560; }
.sd-kpi-tags { display: flex; flex-wrap: wrap; gap: 6px; font-size: 12px; }
.sd-kpi-facts { font-size: 12px; color: var(--muted); }
.sd-class { border-radius: 5px; padding: 0 6px; font-weight: 600; border: 1px solid currentColor; }
.sd-class.is-business { color: var(--ok); }
.sd-class.is-intermediate { color: var(--accent); }
.sd-class.is-vanity { color: var(--bad); border-style: dashed; }
.sd-class.is-unknown { color: var(--muted); border-style: dotted; }
.sd-smart { font-weight: 600; }
.sd-smart.is-smart { color: var(--ok); }
.sd-smart.is-not-smart { color: var(--warn); font-weight: 500; }
.sd-serving { margin: 0 0 8px; }
.sd-strip { display: block; width: 100%; height: 12px; border-radius: 4px; overflow: hidden; background: var(--track); }
.sd-modecounts { list-style: none; padding: 0; margin: 8px 0 0; display: flex; flex-wrap: wrap; gap: 4px 12px; font-size: 12.5px; color: var(--muted); }
.sd-chipdot { display: inline-block; width: 9px; height: 9px; border-radius: 2px; margin-right: 5px; vertical-align: 0; }
.sd-aside { margin-top: 18px; }
.sd-aside h3, .sd-aside h4 { font-size: 15px; margin-bottom: 8px; }

/* mode colours (fill for SVG, background for HTML) */
.sd .m-push { --m: var(--m-push); } .sd .m-mixed { --m: var(--m-mixed); } .sd .m-story { --m: var(--m-story); }
.sd .m-dialog { --m: var(--m-dialog); } .sd .m-service { --m: var(--m-service); } .sd .m-people { --m: var(--m-people); }
.sd .m-ugc { --m: var(--m-ugc); } .sd .m-unknown { --m: var(--m-unknown); }
.sd rect[class^="m-"] { fill: var(--m); }
.sd rect.m-mixed { fill: var(--m); }
.sd-chipdot, .sd-letter { background: var(--m); }

/* mix */
.sd-overall { background: var(--card); border: 1px solid var(--line); border-radius: var(--radius); padding: 16px 18px; box-shadow: var(--shadow); margin-bottom: 18px; }
.sd-overall-figure { margin: 0; font-size: 15px; display: flex; align-items: center; flex-wrap: wrap; gap: 10px; }
.sd-overall-figure strong { font-size: 28px; font-variant-numeric: tabular-nums; }
.sd-overall .sd-strip { height: 16px; margin: 12px 0 10px; }
.sd-badge { font-size: 12px; font-weight: 650; border-radius: 999px; padding: 2px 10px; }
.sd-badge.is-ok { color: var(--ok); background: var(--ok-soft); }
.sd-badge.is-over { color: var(--warn); background: var(--warn-soft); }
.sd-badge.is-strong { color: var(--bad); background: var(--bad-soft); }
.sd-badge.is-few { color: var(--muted); background: var(--soft); }
.sd-legend { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: 6px 16px; font-size: 13px; }
.sd-legend li { display: inline-flex; align-items: center; gap: 6px; }
.sd-letter {
  display: inline-flex; align-items: center; justify-content: center; min-width: 22px; height: 18px; padding: 0 3px;
  border-radius: 4px; font: 700 10.5px/1 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; color: var(--m-ink);
}
.sd .m-people .sd-letter, .sd .sd-letter.m-people, .sd .sd-letter.m-mixed, .sd .m-mixed .sd-letter { color: var(--m-ink-dark); }
.sd-charts { display: grid; grid-template-columns: 1fr; gap: 14px; }
.sd-chart { margin: 0; background: var(--card); border: 1px solid var(--line); border-radius: var(--radius); padding: 14px 16px 8px; box-shadow: var(--shadow); }
.sd-chart figcaption { font-weight: 650; margin-bottom: 4px; }
.sd-bars { display: block; width: 100%; height: auto; max-width: 900px; font: 12.5px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
.sd-bars .sd-label { fill: var(--fg); }
.sd-bars .sd-value { fill: var(--muted); font-variant-numeric: tabular-nums; }
.sd-bars .sd-track { fill: var(--track); stroke: var(--track-line, none); }
.sd-bars .sd-bar.is-ok { fill: var(--ok); }
.sd-bars .sd-bar.is-over { fill: var(--warn-bar, var(--warn)); }
.sd-bars .sd-bar.is-strong { fill: var(--bad); }
.sd-bars .sd-bar.is-few { fill: var(--m-unknown); }
.sd-bars .sd-tick { stroke: var(--tick); stroke-width: 1; }
.sd-bars .sd-limit { stroke: var(--limit); stroke-width: 2; }
.sd-bars .sd-limit-strong { stroke-dasharray: 4 3; stroke-width: 1.5; }
.sd-bars .sd-limit-label { fill: var(--limit); font-size: 11px; font-weight: 650; }
.sd-bars .sd-flagtext.is-over { fill: var(--warn); font-weight: 650; }
.sd-bars .sd-flagtext.is-ok { fill: var(--ok); }
.sd-bars .sd-flagtext.is-strong { fill: var(--bad); font-weight: 650; }

/* calendar */
.sd-cal-key { display: flex; flex-direction: column; gap: 8px; margin-bottom: 14px; }
.sd-gap-swatch { display: inline-block; width: 22px; height: 12px; vertical-align: -1px; border: 1px solid var(--gap);
  background: repeating-linear-gradient(135deg, var(--gap) 0 2px, transparent 2px 6px); }
.sd-note-line { margin: 4px 0; font-size: 13.5px; color: var(--warn); }
.sd-months { display: grid; grid-template-columns: repeat(auto-fill, minmax(760px, 1fr)); gap: 22px; margin-top: 12px; }
.sd-month { width: 100%; border-collapse: separate; border-spacing: 0; table-layout: fixed; background: var(--card); border: 1px solid var(--line); border-radius: var(--radius); overflow: hidden; box-shadow: var(--shadow); break-inside: avoid; }
.sd-month caption { text-align: left; font-weight: 650; padding: 0 0 6px 2px; caption-side: top; }
.sd-month th { font-size: 11.5px; font-weight: 600; color: var(--muted); padding: 6px 4px; border-bottom: 1px solid var(--line); background: var(--soft); }
.sd-month abbr { text-decoration: none; }
.sd-day { vertical-align: top; height: 84px; padding: 3px 4px 9px; border-right: 1px solid var(--line); border-bottom: 1px solid var(--line); font-size: 11.5px; position: relative; }
.sd-day:last-child { border-right: 0; }
.sd-month tr:last-child .sd-day { border-bottom: 0; }
.sd-day.is-outside { background: var(--soft); opacity: .45; }
.sd-day.is-off { background: var(--soft); }
.sd-gapbar { position: absolute; left: 0; right: 0; bottom: 0; height: 6px; border-top: 1px solid var(--gap);
  background: repeating-linear-gradient(135deg, var(--gap) 0 2px, transparent 2px 6px); }
.sd-day.is-today { box-shadow: inset 0 0 0 2px var(--accent); }
.sd-daynum { display: block; color: var(--muted); font-variant-numeric: tabular-nums; font-size: 11px; }
.sd-today { color: var(--accent); font-weight: 700; }
.sd-gaplabel { display: block; font-size: 10.5px; line-height: 1.25; color: var(--muted); border-left: 2px solid var(--gap); padding: 0 0 0 4px; margin: 2px 0; }
.sd-entries { list-style: none; margin: 2px 0 0; padding: 0; display: flex; flex-direction: column; gap: 2px; }
.sd-e { display: flex; align-items: flex-start; gap: 2px; min-width: 0; border-radius: 4px; background: var(--soft); border-left: 3px solid var(--m); }
.sd-e-loc { display: flex; align-items: flex-start; gap: 4px; min-width: 0; flex: 1; color: var(--fg); padding: 2px 3px; }
.sd .sd-e-loc, .sd a.sd-e-loc { color: var(--fg); }
.sd-e .sd-letter { min-width: 20px; height: 15px; font-size: 9.5px; flex: none; margin-top: 1px; }
.sd-e-text { min-width: 0; display: flex; flex-direction: column; line-height: 1.25; }
.sd-e-ch { color: var(--muted); font-size: 9.5px; font-weight: 650; text-transform: uppercase; letter-spacing: .04em; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.sd-e-title { display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; overflow: hidden; overflow-wrap: break-word; hyphens: auto; }
.sd-e.has-problems { box-shadow: inset 0 0 0 1px var(--warn); }
.sd-flag { flex: none; margin-top: 3px; display: inline-flex; align-items: center; justify-content: center; width: 15px; height: 15px; border-radius: 50%; font-weight: 800; font-size: 10px; color: var(--card); background: var(--warn); margin-right: 2px; }
.sd-flag.is-error { background: var(--bad); }
.sd-flag.is-information, .sd-flag.is-hint { background: var(--accent); }
.sd-e a[target] { flex: none; padding: 0 3px; font-size: 11px; }
.sd-more { display: inline-block; margin-top: 2px; font-size: 11px; font-weight: 650; color: var(--muted); }

/* findings */
.sd-group { background: var(--card); border: 1px solid var(--line); border-left: 4px solid var(--line); border-radius: var(--radius); padding: 12px 16px; margin-bottom: 12px; box-shadow: var(--shadow); }
.sd-group.is-error { border-left-color: var(--bad); }
.sd-group.is-warning { border-left-color: var(--warn); }
.sd-group.is-information, .sd-group.is-hint { border-left-color: var(--accent); }
.sd-group h3, .sd-group h4, .sd-group h5 { font-size: 15px; display: flex; align-items: center; gap: 8px; flex-wrap: wrap; }
.sd-count { font-size: 12px; font-weight: 650; background: var(--soft); border-radius: 999px; padding: 0 8px; color: var(--muted); }
.sd-rule-desc { margin: 4px 0 8px; color: var(--muted); font-size: 13.5px; }
.sd-findings { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 6px; }
.sd-finding { font-size: 14px; padding-top: 6px; border-top: 1px solid var(--line); display: grid; grid-template-columns: minmax(150px, 220px) 1fr; gap: 4px 14px; align-items: baseline; }
.sd-finding .sd-loc { overflow-wrap: anywhere; }
.sd-sev { font-size: 11.5px; font-weight: 700; text-transform: uppercase; letter-spacing: .04em; }
.sd-sev.is-error { color: var(--bad); } .sd-sev.is-warning { color: var(--warn); }
.sd-sev.is-information, .sd-sev.is-hint { color: var(--accent); }
.sd-loc { font: 12.5px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.sd-msg { min-width: 0; }
.sd-more-line { color: var(--muted); font-style: italic; }

@media (max-width: 900px) {
  .sd-stepper { grid-template-columns: repeat(4, minmax(0, 1fr)); row-gap: 22px; }
  .sd-stepper .sd-step:nth-child(4n+1)::before { display: none; }
  .sd-goal { grid-template-columns: 1fr; }
  .sd-goal-col + .sd-goal-col { border-left: 0; border-top: 1px solid var(--line); }
  .sd-goal-col + .sd-goal-col::before { content: "↓"; left: 16px; top: -11px; }
  .sd-months { grid-template-columns: 1fr; }
}
@media (max-width: 520px) {
  .sd-report { padding: 18px 12px 40px; }
  .sd-stepper { grid-template-columns: repeat(2, minmax(0, 1fr)); }
  .sd-stepper .sd-step:nth-child(2n+1)::before { display: none; }
}
@media (forced-colors: active) {
  .sd-dot, .sd-state, .sd-letter, .sd-flag, .sd-e, .sd-tile, .sd-group { forced-color-adjust: none; border: 1px solid CanvasText; }
  .sd-bars .sd-limit { stroke: CanvasText; }
}
@media print {
  .sd { --bg: #fff; --card: #fff; --shadow: none; color-scheme: light; }
  .sd-report { max-width: none; padding: 0; }
  .sd-section { break-before: auto; }
  .sd-goal, .sd-chart, .sd-group, .sd-month, .sd-others .sd-step, .sd-tile { break-inside: avoid; box-shadow: none; }
  .sd-months { grid-template-columns: 1fr; }
  .sd-day { height: 64px; }
  .sd a { color: inherit; }
  .sd-toc { display: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
