/**
 * Every regular expression in the sources, checked for super-linear backtracking with recheck
 * (automata analysis plus fuzzing: it finds exponential blow-ups such as `(a+)+` and polynomial
 * ones such as `\s*,` scanned over a long run of spaces, and gives an attack string for each).
 * Literals are found with the TypeScript parser, so regexes inside strings, comments or
 * templates are never mistaken for code; `new RegExp('...')` with a literal pattern is checked too.
 *
 * The policy: no regex in `packages/*\/src` or `pipelines/*\/src` may take more than linear
 * time. `npx tsx tools/lint-regex.ts [ROOT]` lists every finding and exits 1 on any exponential
 * one, and on any polynomial one unless the line before the pattern says why it is linear all
 * the same, in a comment reviewers can check:
 *
 *     // lint-regex: linear because findLabels tests it on the four characters before a label only.
 *     const AFTER_SENTENCE = /(?:[.?!]|--)\s+$|\s{2,}$/u;
 *
 * That is for bounds recheck cannot see: bounded quantifiers on an input capped by its caller.
 * Rewrite the pattern instead wherever that is possible (anchor it, make its alternatives
 * disjoint, or replace a trailing `[...]+$` by a loop such as trimWhere). Nothing excuses an
 * exponential pattern. A pattern recheck could not decide within its time limit (a busy machine
 * can cause that) is listed as a warning: a timeout is no evidence either way, and CI must not
 * fail by chance.
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
  /** The reason given by a `// lint-regex: linear because ...` comment on the line before, or null. */
  linearBecause: string | null;
}

export interface RegexVerdict extends RegexFinding {
  /** `exponential`, `polynomial` (with its degree in `summary`), or `unknown` when recheck could not decide. */
  complexity: 'linear' | 'polynomial' | 'exponential' | 'unknown';
  summary: string;
  attack: string | null;
}


const ESCAPE_HATCH = /^\s*\/\/ lint-regex: linear because (\S.*)$/;

/** Each regex in one source text, with its 1-based line and the escape-hatch comment before it, if any. */
export function regexesIn(file: string, source: string): RegexFinding[] {
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const lines = source.split('\n');
  const found: RegexFinding[] = [];
  const at = (node: ts.Node, pattern: string) => {
    const line = sourceFile.getLineAndCharacterOfPosition(node.getStart()).line + 1;
    found.push({ file, line, pattern, linearBecause: ESCAPE_HATCH.exec(lines[line - 2] ?? '')?.[1]?.trim() ?? null });
  };
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

/**
 * recheck's inner limits measured in milliseconds turned off: on a loaded machine they cut its
 * fuzzing short at other points and the verdict changed from run to run. With them off, the
 * fixed PRNG seed and the step limits decide alone, and only the overall timeout (a warning)
 * depends on the machine.
 */
const RECHECK_PARAMS = { timeout: 10_000, attackTimeout: null, incubationTimeout: null, seedingTimeout: null, randomSeed: 0 } as const;

/** recheck's verdict on one regex. */
export function checkRegex(finding: RegexFinding): RegexVerdict {
  const end = finding.pattern.lastIndexOf('/');
  const result = checkSync(finding.pattern.slice(1, end), finding.pattern.slice(end + 1), RECHECK_PARAMS);
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

/** Every regex of the sources that is not linear or carries an escape hatch, with recheck's verdict. */
export async function lintRegexes(root: string): Promise<{ checked: number; findings: RegexVerdict[] }> {
  const regexes = (await Promise.all((await sourceFiles(root)).map(async (file) => regexesIn(relative(root, file), await readFile(file, 'utf8'))))).flat();
  return { checked: regexes.length, findings: regexes.map(checkRegex).filter((verdict) => verdict.complexity !== 'linear' || verdict.linearBecause !== null) };
}

/** Whether a verdict fails the lint: exponential always, polynomial without a reason; undecided only warns. */
export function fails(verdict: RegexVerdict): boolean {
  if (verdict.complexity === 'exponential') return true;
  return verdict.complexity === 'polynomial' && verdict.linearBecause === null;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = process.argv[2] ?? fileURLToPath(new URL('../', import.meta.url));
  const { checked, findings } = await lintRegexes(root);
  for (const finding of findings) {
    if (finding.complexity === 'linear') {
      // recheck's fuzzing has time limits: a pattern it finds linear today may be flagged on a busier machine, so this only informs.
      console.error(`${finding.file}:${finding.line}: note: recheck finds ${finding.pattern} linear: its lint-regex comment may go`);
      continue;
    }
    const level = fails(finding) ? 'error' : finding.linearBecause === null ? 'warning' : 'allowed';
    const reason = finding.linearBecause === null ? '' : ` (linear because ${finding.linearBecause})`;
    console.error(`${finding.file}:${finding.line}: ${level}: ${finding.summary}: ${finding.pattern}${finding.attack ? ` (attack: ${finding.attack})` : ''}${reason}`);
  }
  const failing = findings.filter(fails).length;
  const allowed = findings.filter((finding) => finding.complexity !== 'linear').length - failing;
  console.error(`lint:regex: ${checked} regexes checked, ${failing} failing, ${allowed} allowed or undecided`);
  process.exitCode = failing > 0 ? 1 : 0;
}
