/**
 * Every regular expression in the sources, checked for super-linear backtracking with recheck
 * (automata analysis plus fuzzing: it finds exponential blow-ups such as `(a+)+` and polynomial
 * ones such as `\s*,` scanned over a long run of spaces, and gives an attack string for each).
 * Literals are found with the TypeScript parser, so regexes inside strings, comments or
 * templates are never mistaken for code; `new RegExp('...')` with a literal pattern is checked too.
 *
 * `npx tsx tools/lint-regex.ts [ROOT]` lists every finding and exits 1 on any exponential one.
 * Polynomial findings are listed as warnings: most run over one line or one label at a time.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkSync } from 'recheck';
import ts from 'typescript';

export interface RegexFinding {
  file: string;
  line: number;
  /** The literal as written: `/body/flags`. */
  pattern: string;
}

export interface RegexVerdict extends RegexFinding {
  /** `exponential`, `polynomial` (with its degree in `summary`), or `unknown` when recheck could not decide. */
  complexity: 'linear' | 'polynomial' | 'exponential' | 'unknown';
  summary: string;
  attack: string | null;
}

/** Each regex in one source text, with its 1-based line. */
export function regexesIn(file: string, source: string): RegexFinding[] {
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const found: RegexFinding[] = [];
  const at = (node: ts.Node, pattern: string) => found.push({ file, line: sourceFile.getLineAndCharacterOfPosition(node.getStart()).line + 1, pattern });
  const visit = (node: ts.Node): void => {
    if (ts.isRegularExpressionLiteral(node)) at(node, node.text);
    else if (ts.isNewExpression(node) || ts.isCallExpression(node)) {
      const [pattern, flags] = node.arguments ?? [];
      if (ts.isIdentifier(node.expression) && node.expression.text === 'RegExp' && pattern && ts.isStringLiteralLike(pattern)) {
        at(node, `/${pattern.text}/${flags && ts.isStringLiteralLike(flags) ? flags.text : ''}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

/** recheck's verdict on one regex. */
export function checkRegex(finding: RegexFinding): RegexVerdict {
  const end = finding.pattern.lastIndexOf('/');
  const result = checkSync(finding.pattern.slice(1, end), finding.pattern.slice(end + 1), { timeout: 10_000 });
  if (result.status === 'safe') return { ...finding, complexity: 'linear', summary: 'linear', attack: null };
  if (result.status === 'vulnerable') {
    return { ...finding, complexity: result.complexity.type, summary: result.complexity.summary, attack: result.attack.pattern };
  }
  return { ...finding, complexity: 'unknown', summary: `not decided (${result.error.kind})`, attack: null };
}

/** The source folders the lint covers: `src/` of every package and pipeline. */
export async function sourceFiles(root: string): Promise<string[]> {
  const files: string[] = [];
  for (const group of ['packages', 'pipelines']) {
    for (const name of (await readdir(join(root, group))).sort()) {
      const src = join(root, group, name, 'src');
      const entries = await readdir(src, { recursive: true }).catch(() => [] as string[]);
      files.push(...entries.filter((entry) => /\.[cm]?[jt]s$/.test(entry) && !entry.endsWith('.d.ts')).sort().map((entry) => join(src, entry)));
    }
  }
  return files;
}

/** Every regex of the sources that is not linear, with recheck's verdict. */
export async function lintRegexes(root: string): Promise<{ checked: number; findings: RegexVerdict[] }> {
  const regexes = (await Promise.all((await sourceFiles(root)).map(async (file) => regexesIn(relative(root, file), await readFile(file, 'utf8'))))).flat();
  return { checked: regexes.length, findings: regexes.map(checkRegex).filter((verdict) => verdict.complexity !== 'linear') };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = process.argv[2] ?? fileURLToPath(new URL('../', import.meta.url));
  const { checked, findings } = await lintRegexes(root);
  for (const finding of findings) {
    const level = finding.complexity === 'exponential' ? 'error' : 'warning';
    console.error(`${finding.file}:${finding.line}: ${level}: ${finding.summary}: ${finding.pattern}${finding.attack ? ` (attack: ${finding.attack})` : ''}`);
  }
  const exponential = findings.filter((finding) => finding.complexity === 'exponential').length;
  console.error(`lint:regex: ${checked} regexes checked, ${exponential} exponential, ${findings.length - exponential} polynomial or undecided`);
  process.exitCode = exponential > 0 ? 1 : 0;
}
