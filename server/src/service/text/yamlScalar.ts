// Writing a value into YAML so that it reads back as the same value: the one home of YAML quoting
// for completions, quick-fixes, refactors and the wizard.

/** Plain scalars that YAML 1.1 or 1.2 readers (go-yaml, our parser) take as something other than a string. */
const NOT_A_STRING =
  /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N|[-+]?(?:[0-9][0-9_]*)?\.?[0-9][0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*\.|0x[0-9a-fA-F]+|0o[0-7]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|[0-9]+:[0-9]+(?::[0-9]+)*)$/;

/** Characters a plain scalar may hold here: no `:`, `#`, quotes, brackets or other indicators. */
const PLAIN_SAFE = /^[A-Za-z0-9_./][A-Za-z0-9_./ ()+=-]*$/;

/** `s` as a YAML scalar that reads back as the string `s`: plain when that is safe, double-quoted otherwise. */
export function yamlString(s: string): string {
  return s !== '' && PLAIN_SAFE.test(s) && !NOT_A_STRING.test(s) && !s.endsWith(' ') ? s : JSON.stringify(s);
}

/** A value as a YAML scalar: numbers and booleans as they are, strings as yamlString writes them. */
export function yamlScalar(value: string | number | boolean): string {
  return typeof value === 'string' ? yamlString(value) : String(value);
}
