// What src/core uses of its hosts (browsers and Node both provide it): the
// WHATWG TextDecoder. Declared here, for tsconfig.core.json alone, so the core
// compiles without the DOM or Node libraries and cannot use anything else of
// them by accident.

interface TextDecodeOptions {
  stream?: boolean;
}

interface TextDecoderOptions {
  fatal?: boolean;
  ignoreBOM?: boolean;
}

interface TextDecoder {
  readonly encoding: string;
  readonly fatal: boolean;
  readonly ignoreBOM: boolean;
  decode(input?: ArrayBufferView | ArrayBuffer, options?: TextDecodeOptions): string;
}

// eslint-disable-next-line no-var -- a global with a constructor is declared as a var, as in TypeScript's own lib files.
declare var TextDecoder: {
  prototype: TextDecoder;
  new (label?: string, options?: TextDecoderOptions): TextDecoder;
};
