// opencc-js exposes its raw dictionaries as "opencc-js/dict/<Name>" without type declarations.
declare module 'opencc-js/dict/*' {
  const dict: string;
  export default dict;
}
