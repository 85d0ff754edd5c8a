/** A count with its noun in the right number: "1 person", "2 people", "1 IC", "1,204 ICs". */
export function counted(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}
