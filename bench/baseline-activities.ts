// The baseline workflow's only activity: returns at once, touching nothing.

export async function noop(i: number): Promise<number> {
  return i;
}
