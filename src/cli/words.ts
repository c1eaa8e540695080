/** "1 story", "2 stories", "0 problems": a count with its noun, plural unless the count is one. */
export function counted(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
