declare module 'fxa-common-password-list' {
  /** True when the password is in the common-password list. */
  export function test(password: string): boolean;
}
