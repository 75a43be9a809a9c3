export function cliBundle(options?: {
  root?: string;
  cacheDir?: string;
}): Promise<{ entry: string; built: boolean }>;
