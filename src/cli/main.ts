export async function main(argv: string[]): Promise<number> {
  console.log("cchc", argv.join(" "));
  return 0;
}
