/** Polls until `check` holds (a database notification crosses between processes in milliseconds). */
export async function eventually(check: () => Promise<boolean>, ms = 3_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('did not happen in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
