// Polls until a condition holds: for state the test cannot await directly (a server-side counter, a reconnect
// seen through events). The deadline only bounds a failing test; a passing one never waits for it.
export async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
