export declare const API_BUNDLE: string;
export declare function apiServer(
  root: string,
  env?: Record<string, string | undefined>,
): { args: string[]; env: Record<string, string | undefined> };
