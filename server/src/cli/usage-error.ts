/** Bad arguments: the CLI prints the message and the usage text and exits with code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
