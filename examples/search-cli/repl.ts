// The `$ ` prompt loop: one line at a time, each handled to completion before the next is read, whether
// typed or piped. Ends on EOF (Ctrl-D), Ctrl-C or SIGTERM; an in-flight query finishes first.
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

export const PROMPT = '$ ';

export async function runPromptLoop(
  input: Readable & { isTTY?: boolean },
  output: NodeJS.WritableStream,
  handle: (line: string) => Promise<void>,
): Promise<void> {
  // A stream whose end was already read never emits 'end' again: readline would wait forever.
  if (input.readableEnded) return;
  const rl = createInterface({ input, output, prompt: PROMPT, terminal: input.isTTY === true });
  // Piped input can end (and close readline) at any moment, even while a query runs. The lines read
  // before that are still delivered below; only the prompt must not be shown again (Node 24 throws
  // ERR_USE_AFTER_CLOSE on prompt() after close, older versions print it after the end of input).
  let closed = false;
  rl.once('close', () => (closed = true));
  const promptIfOpen = (): void => {
    if (!closed) rl.prompt();
  };
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
    promptIfOpen();
    for await (const line of rl) {
      if (stopping) break;
      const query = line.trim();
      if (query !== '') await handle(query);
      if (stopping) break;
      promptIfOpen();
    }
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    rl.close();
  }
}
