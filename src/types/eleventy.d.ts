// Eleventy 3 ships no type declarations; this is the part of its programmatic API we call.
declare module '@11ty/eleventy' {
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: { quietMode?: boolean; configPath?: string; config?: (config: unknown) => void });
    disableLogger(): void;
    write(): Promise<unknown>;
  }
}
