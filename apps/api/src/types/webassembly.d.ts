/**
 * The one WebAssembly call the API makes (loading Prisma's schema engine). @types/node 20 leaves the
 * WebAssembly namespace to the DOM library, which a server should not pull in.
 */
declare namespace WebAssembly {
  function instantiate(
    bytes: Uint8Array,
    imports: Record<string, unknown>,
  ): Promise<{ instance: { exports: Record<string, unknown> } }>;
}
