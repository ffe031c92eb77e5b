export declare const API_BUNDLE: string;
export declare function apiServerArgs(root: string, env?: Record<string, string | undefined>): string[];
