/**
 * "stratdoc: New Strategy" (`stratdoc.newStrategy`) and "stratdoc: New Editorial Plan"
 * (`stratdoc.newPlan`): a new document from the skeletons of the extension's snippets
 * (read from `<extension>/snippets/*.json` at run time, so the commands and the snippets
 * never drift apart), inserted as a snippet so that its tab stops work, then saved.
 *
 * Questions, each skipped when its option is given (tests, command links with arguments):
 * language and format in one QuickPick (default: `stratdoc.language`, else VS Code's
 * display language; for a plan, its strategy's language), for a plan its strategy when the
 * workspace has several, and the file name (an InputBox with a free default name). An
 * existing file is never overwritten. Without a workspace folder, the template goes into
 * an untitled document. Either way the language server is started (the extension starts
 * lazily, and this may be the workspace's first document).
 *
 * The questions are one quick input that stays open from the first to the last (the next
 * replaces the previous, and the last closes only once the new editor has the focus):
 * run from a walkthrough button, a QuickPick that closed would give the focus back to the
 * walkthrough, whose step takes the Enter's keyup and, 250 ms later, the focus, from the
 * next question or from the new editor.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { SEARCH_EXCLUDE } from './detect';
import {
  adaptPlanTemplate,
  defaultLang,
  defaultName,
  freeName,
  nameProblem,
  snippetFile,
  strategyInfo,
  templateBody,
  STRATEGY_PROBE_CHARS,
  type SnippetDefinition,
  type TemplateFormat,
  type TemplateKind,
  type TemplateLang,
} from './templates';

/** The commands' optional argument: every option given skips its question. */
export interface NewDocumentOptions {
  lang?: TemplateLang;
  format?: TemplateFormat;
  /** File name relative to the workspace folder (or a URI / absolute path). */
  name?: string | vscode.Uri;
  /** Plans only: the strategy (relative to the workspace folder, a URI or an absolute path); null: none. */
  strategy?: string | vscode.Uri | null;
}

/** Files larger than this are not read when looking for strategies. */
const MAX_PROBE_FILE = 1024 * 1024;
/** How many Markdown and YAML files are looked at for strategies. */
const MAX_SEARCH = 2000;

interface StrategyFound {
  uri: vscode.Uri;
  folder: vscode.WorkspaceFolder;
  /** Relative to its workspace folder, `/` separated. */
  rel: string;
  lang?: TemplateLang;
}

export class NewDocuments implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly startServer: () => Promise<void>,
  ) {
    this.disposables = [
      vscode.commands.registerCommand('stratdoc.newStrategy', (arg?: unknown) => this.newDocument('strategy', optionsOf(arg))),
      vscode.commands.registerCommand('stratdoc.newPlan', (arg?: unknown) => this.newDocument('plan', optionsOf(arg))),
    ];
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  /** Creates the document; its URI, or undefined when the user cancelled or the file exists. */
  async newDocument(kind: TemplateKind, opts: NewDocumentOptions): Promise<vscode.Uri | undefined> {
    const title = kind === 'strategy' ? vscode.l10n.t('stratdoc: New Strategy') : vscode.l10n.t('stratdoc: New Editorial Plan');
    const questions = new Questions(title);
    try {
      return await this.ask(kind, opts, questions);
    } finally {
      questions.dispose();
    }
  }

  private async ask(kind: TemplateKind, opts: NewDocumentOptions, questions: Questions): Promise<vscode.Uri | undefined> {
    // The group active now (`command:toSide:` made it the one beside the walkthrough): the new document goes there.
    const column = vscode.window.tabGroups.activeTabGroup.viewColumn;
    const today = new Date();
    const explicitName = opts.name !== undefined ? this.toUri(opts.name, undefined) : undefined;

    // A plan's strategy first: it decides the plan's folder and default language.
    let strategy: StrategyFound | undefined;
    let noneFound = false;
    if (kind === 'plan' && opts.strategy !== null) {
      if (opts.strategy !== undefined) {
        const uri = this.toUri(opts.strategy, explicitName);
        const folder = uri && vscode.workspace.getWorkspaceFolder(uri);
        if (uri && folder) strategy = { uri, folder, rel: relIn(folder, uri), lang: await this.strategyLang(uri) };
      } else {
        const found = await this.findStrategies();
        noneFound = found.length === 0;
        if (found.length === 1) strategy = found[0];
        else if (found.length > 1) {
          questions.total = 1 + (opts.lang && opts.format ? 0 : 1) + (opts.name === undefined ? 1 : 0);
          const picked = await this.pickStrategy(found, questions);
          if (picked === undefined) return undefined;
          strategy = picked === NONE ? undefined : picked;
        }
      }
    }

    const folder = (explicitName && vscode.workspace.getWorkspaceFolder(explicitName)) || strategy?.folder || activeFolder();
    const fallbackLang = strategy?.lang ?? defaultLang(vscode.workspace.getConfiguration('stratdoc').get('language'), vscode.env.language);
    const strategyDir = strategy && strategy.folder === folder ? path.posix.dirname(strategy.rel) : '';
    let lang = opts.lang;
    let format = opts.format;
    questions.total ||= (lang && format ? 0 : 1) + (opts.name === undefined && folder ? 1 : 0);
    if (!lang || !format) {
      const picked = await this.pickLangFormat(kind, questions, lang ?? fallbackLang, format ?? (kind === 'plan' ? 'yaml' : 'markdown'), today, strategyDir, {
        lang,
        format,
      });
      if (!picked) return undefined;
      ({ lang, format } = picked);
    }

    let body = templateBody(await this.snippets(format), kind, lang);

    if (!folder) {
      // No workspace folder: an untitled document, saved wherever the user likes.
      if (kind === 'plan') body = adaptPlanTemplate(body, { date: today });
      const doc = await vscode.workspace.openTextDocument({ language: format, content: '' });
      const editor = await vscode.window.showTextDocument(doc, { viewColumn: column });
      questions.dispose();
      await editor.insertSnippet(new vscode.SnippetString(body), new vscode.Position(0, 0));
      await this.startServer();
      return doc.uri;
    }

    let uri = explicitName;
    if (!uri) {
      const proposed = await freeName(defaultName(kind, lang, format, today, strategyDir), (n) => exists(vscode.Uri.joinPath(folder.uri, n)));
      const name = await this.askName(questions, folder, proposed, format);
      if (name === undefined) return undefined;
      uri = vscode.Uri.joinPath(folder.uri, ...name.split('/').filter(Boolean));
    }

    if (kind === 'plan') {
      const strategyPath = strategy && path.posix.relative(path.posix.dirname(uri.path), strategy.uri.path);
      body = adaptPlanTemplate(body, { strategyPath, date: today });
    }

    if (!(await this.create(uri, body, column, questions))) return undefined;
    await this.startServer();
    if (kind === 'plan' && noneFound) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t(
          "The new plan names no strategy: there is none in this workspace yet. Once there is one, stratdoc finds it in the plan's folder or the nearest folder above.",
        ),
      );
    }
    return uri;
  }

  /** Creates `uri` (never over an existing file), inserts the template as a snippet and saves. */
  private async create(uri: vscode.Uri, body: string, column: vscode.ViewColumn, questions: Questions): Promise<boolean> {
    const rel = vscode.workspace.asRelativePath(uri);
    const refuse = () => {
      questions.dispose();
      void vscode.window.showWarningMessage(vscode.l10n.t('{0} already exists. stratdoc does not overwrite it; choose another name.', rel));
      return false;
    };
    if (await exists(uri)) return refuse();
    await vscode.workspace.fs.createDirectory(uri.with({ path: path.posix.dirname(uri.path) }));
    const edit = new vscode.WorkspaceEdit();
    edit.createFile(uri, { overwrite: false, ignoreIfExists: false });
    if (!(await vscode.workspace.applyEdit(edit))) return refuse();
    const doc = await vscode.workspace.openTextDocument(uri);
    // Written by someone else in between: leave it as it is.
    if (doc.getText().length) return refuse();
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: column });
    // The editor has the focus: the questions may go now without handing it back.
    questions.dispose();
    await editor.insertSnippet(new vscode.SnippetString(body), new vscode.Position(0, 0));
    await doc.save();
    return true;
  }

  private async snippets(format: TemplateFormat): Promise<Record<string, SnippetDefinition>> {
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.extensionUri, ...snippetFile(format).split('/')));
    return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, SnippetDefinition>;
  }

  private async pickLangFormat(
    kind: TemplateKind,
    questions: Questions,
    lang: TemplateLang,
    format: TemplateFormat,
    today: Date,
    dir: string,
    fixed: { lang?: TemplateLang; format?: TemplateFormat },
  ): Promise<{ lang: TemplateLang; format: TemplateFormat } | undefined> {
    const langs: TemplateLang[] = fixed.lang ? [fixed.lang] : lang === 'de' ? ['de', 'en'] : ['en', 'de'];
    const formats: TemplateFormat[] = fixed.format ? [fixed.format] : format === 'markdown' ? ['markdown', 'yaml'] : ['yaml', 'markdown'];
    type Item = vscode.QuickPickItem & { lang: TemplateLang; format: TemplateFormat };
    const items: Item[] = [];
    for (const l of langs) {
      for (const f of formats) {
        items.push({
          label: `${f === 'markdown' ? '$(markdown)' : '$(file-code)'} ${l === 'de' ? 'Deutsch' : 'English'} · ${f === 'markdown' ? 'Markdown' : 'YAML'}`,
          description: defaultName(kind, l, f, today, dir),
          lang: l,
          format: f,
        });
      }
    }
    const picked = await questions.pick(items, vscode.l10n.t('Language and format of the new document'));
    return picked && { lang: picked.lang, format: picked.format };
  }

  private async pickStrategy(found: StrategyFound[], questions: Questions): Promise<StrategyFound | typeof NONE | undefined> {
    type Item = vscode.QuickPickItem & { strategy: StrategyFound | typeof NONE };
    const multiRoot = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
    const items: Item[] = found.map((s) => ({
      label: `$(compass) ${multiRoot ? `${s.folder.name}/${s.rel}` : s.rel}`,
      description: s.lang === 'de' ? 'Deutsch' : s.lang === 'en' ? 'English' : undefined,
      strategy: s,
    }));
    items.push({
      label: `$(circle-slash) ${vscode.l10n.t('No strategy')}`,
      detail: vscode.l10n.t('The plan names none; stratdoc looks in its folder and the folders above.'),
      strategy: NONE,
    });
    const picked = await questions.pick(items, vscode.l10n.t('Which strategy does the plan belong to?'));
    return picked?.strategy;
  }

  private async askName(questions: Questions, folder: vscode.WorkspaceFolder, proposed: string, format: TemplateFormat): Promise<string | undefined> {
    const base = proposed.lastIndexOf('/') + 1;
    const dot = proposed.indexOf('.', base);
    const name = await questions.input({
      prompt: vscode.l10n.t('File name, relative to the workspace folder {0}', folder.name),
      value: proposed,
      valueSelection: [base, dot > base ? dot : proposed.length],
      validate: async (value) => {
        const problem = nameProblem(value, format);
        if (problem === 'empty') return vscode.l10n.t('Give the new document a file name.');
        if (problem === 'outside') return vscode.l10n.t('The file must be inside the workspace folder.');
        if (problem === 'format')
          return format === 'markdown' ? vscode.l10n.t('A Markdown document ends in .md.') : vscode.l10n.t('A YAML document ends in .yaml or .yml.');
        if (await exists(vscode.Uri.joinPath(folder.uri, ...value.trim().replace(/\\/g, '/').split('/').filter(Boolean))))
          return vscode.l10n.t('{0} already exists.', value.trim());
        return undefined;
      },
    });
    return name?.trim().replace(/\\/g, '/');
  }

  /** The strategies of the workspace: `*.strategy.*` names and files with a `stratdoc: strategy` marker. */
  async findStrategies(): Promise<StrategyFound[]> {
    const files = await vscode.workspace.findFiles('**/*.{md,markdown,yaml,yml}', SEARCH_EXCLUDE, MAX_SEARCH);
    const open = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
    const found = await Promise.all(
      files.map(async (uri): Promise<StrategyFound | undefined> => {
        const folder = vscode.workspace.getWorkspaceFolder(uri);
        if (!folder) return undefined;
        const text = await headOf(uri, open.get(uri.toString()));
        const info = text === undefined ? undefined : strategyInfo(uri.path, text);
        return info && { uri, folder, rel: relIn(folder, uri), lang: info.lang };
      }),
    );
    return found
      .filter((s): s is StrategyFound => !!s)
      .sort((a, b) => a.folder.index - b.folder.index || depth(a.rel) - depth(b.rel) || a.rel.localeCompare(b.rel));
  }

  private async strategyLang(uri: vscode.Uri): Promise<TemplateLang | undefined> {
    const text = await headOf(
      uri,
      vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()),
    );
    return text === undefined ? undefined : strategyInfo(uri.path, text)?.lang;
  }

  private toUri(value: string | vscode.Uri, near: vscode.Uri | undefined): vscode.Uri | undefined {
    if (value instanceof vscode.Uri) return value;
    if (path.isAbsolute(value)) return vscode.Uri.file(value);
    const folder = (near && vscode.workspace.getWorkspaceFolder(near)) || activeFolder();
    return folder && vscode.Uri.joinPath(folder.uri, ...value.replace(/\\/g, '/').split('/').filter(Boolean));
  }
}

/**
 * The questions of one command, in one quick input: each new QuickPick or InputBox takes
 * the place of the previous one (no closing in between), numbered "1/2", "2/2".
 */
class Questions implements vscode.Disposable {
  /** How many questions this run asks (0: not known, no numbers shown). */
  total = 0;
  private step = 0;
  private current: vscode.QuickInput | undefined;
  /** Inputs another one took the place of; disposed at the end (disposing one hides the quick input, and the focus goes back). */
  private readonly replaced: vscode.QuickInput[] = [];
  private disposed = false;

  constructor(private readonly title: string) {}

  /** One item of `items`, or undefined when the user cancelled. */
  pick<T extends vscode.QuickPickItem>(items: T[], placeholder: string): Promise<T | undefined> {
    const qp = vscode.window.createQuickPick<T>();
    qp.items = items;
    qp.placeholder = placeholder;
    return new Promise<T | undefined>((resolve) => {
      qp.onDidAccept(() => {
        const item = qp.selectedItems[0] ?? qp.activeItems[0];
        if (!item) return;
        // Open, and busy, until the next question takes its place (not disabled: that would take its focus).
        qp.busy = true;
        resolve(item);
      });
      qp.onDidHide(() => resolve(undefined));
      this.show(qp);
    });
  }

  /** The text typed and accepted (valid by `validate`), or undefined when the user cancelled. */
  input(opts: {
    prompt: string;
    value: string;
    valueSelection: [number, number];
    validate: (value: string) => Promise<string | undefined>;
  }): Promise<string | undefined> {
    const box = vscode.window.createInputBox();
    box.prompt = opts.prompt;
    box.value = opts.value;
    box.valueSelection = opts.valueSelection;
    let checked = 0;
    const check = async (value: string): Promise<string | undefined> => {
      const n = ++checked;
      const message = await opts.validate(value);
      if (n === checked) box.validationMessage = message;
      return message;
    };
    return new Promise<string | undefined>((resolve) => {
      box.onDidChangeValue((v) => void check(v));
      box.onDidAccept(async () => {
        const value = box.value;
        if ((await check(value)) !== undefined || value !== box.value) return;
        box.busy = true;
        resolve(value);
      });
      box.onDidHide(() => resolve(undefined));
      this.show(box);
      void check(opts.value);
    });
  }

  private show(input: vscode.QuickInput): void {
    const previous = this.current;
    this.current = input;
    input.title = this.title;
    input.ignoreFocusOut = true;
    this.step++;
    if (this.total > 1) {
      input.step = this.step;
      input.totalSteps = Math.max(this.total, this.step);
    }
    input.show();
    if (previous) this.replaced.push(previous);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.current?.dispose();
    this.current = undefined;
    for (const q of this.replaced.splice(0)) q.dispose();
  }
}

/** The "No strategy" choice. */
const NONE = Symbol('none');

function optionsOf(arg: unknown): NewDocumentOptions {
  if (!arg || typeof arg !== 'object' || Array.isArray(arg) || arg instanceof vscode.Uri) return {};
  const o = arg as Record<string, unknown>;
  const lang = o.lang === 'de' || o.lang === 'en' ? o.lang : undefined;
  const format = o.format === 'markdown' || o.format === 'yaml' ? o.format : o.format === 'md' ? 'markdown' : o.format === 'yml' ? 'yaml' : undefined;
  const name = typeof o.name === 'string' && o.name.trim() ? o.name.trim() : o.name instanceof vscode.Uri ? o.name : undefined;
  const strategy =
    o.strategy === null || o.strategy === false
      ? null
      : typeof o.strategy === 'string' && o.strategy.trim()
        ? o.strategy.trim()
        : o.strategy instanceof vscode.Uri
          ? o.strategy
          : undefined;
  return { lang, format, name, strategy };
}

function activeFolder(): vscode.WorkspaceFolder | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  return (active && vscode.workspace.getWorkspaceFolder(active)) || vscode.workspace.workspaceFolders?.[0];
}

function relIn(folder: vscode.WorkspaceFolder, uri: vscode.Uri): string {
  const rel = path.posix.relative(folder.uri.path, uri.path);
  return rel || path.posix.basename(uri.path);
}

function depth(rel: string): number {
  return rel.split('/').length;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** The first characters of a file: of its open document if it is open, else from disk; undefined if too large or unreadable. */
async function headOf(uri: vscode.Uri, open: vscode.TextDocument | undefined): Promise<string | undefined> {
  if (open) return open.getText().slice(0, STRATEGY_PROBE_CHARS);
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.size > MAX_PROBE_FILE) return undefined;
    const bytes = await vscode.workspace.fs.readFile(uri);
    return new TextDecoder().decode(bytes.subarray(0, STRATEGY_PROBE_CHARS));
  } catch {
    return undefined;
  }
}
