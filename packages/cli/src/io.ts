export type Writer = (text: string) => void;

export interface Io {
  out: Writer;
  err: Writer;
  readStdin: () => Promise<Uint8Array>;
}

export const defaultIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  },
};

/** An Io that keeps what the command prints and feeds it `stdin`: for running callset inside another program, and for tests. */
export function capturedIo(stdin = ''): Io & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    out: (text: string) => void (io.stdout += text),
    err: (text: string) => void (io.stderr += text),
    readStdin: async () => new TextEncoder().encode(stdin),
  };
  return io;
}

/** A mistake in how the command was called: reported with a pointer to --help, exit code 2. */
export class UsageError extends Error {}
