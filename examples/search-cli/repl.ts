// The `$ ` prompt loop: one line at a time, each handled to completion before the next is read, whether
// typed or piped. Ends on EOF (Ctrl-D), Ctrl-C or SIGTERM; an in-flight query finishes first.
import { createInterface } from 'node:readline';

export const PROMPT = '$ ';

export async function runPromptLoop(
  input: NodeJS.ReadableStream & { isTTY?: boolean },
  output: NodeJS.WritableStream,
  handle: (line: string) => Promise<void>,
): Promise<void> {
  const rl = createInterface({ input, output, prompt: PROMPT, terminal: input.isTTY === true });
  let stopping = false;
  const stop = (): void => {
    stopping = true;
    rl.close();
  };
  // Ctrl-C at a terminal arrives as a readline event (raw mode); piped, it is a real signal. Only the
  // first one is ours: a second Ctrl-C falls back to Node's default and ends the process at once.
  rl.once('SIGINT', stop);
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    rl.prompt();
    for await (const line of rl) {
      if (stopping) break;
      const query = line.trim();
      if (query !== '') await handle(query);
      if (stopping) break;
      rl.prompt();
    }
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    rl.close();
  }
}
