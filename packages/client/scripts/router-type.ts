// Writes src/generated/router.ts: AppRouter as clients see it, spelled out in plain types.
// AppRouter's own declaration names the server's context (the Prisma client, file storage)
// and types inside @estate/api and @estate/db, none of which a program outside this
// repository can resolve; declaration bundlers copy those along (measured: 1.2 MB that still
// imports @prisma/adapter-pg and the generated client's paths). Here the compiler works out
// every procedure's input and output and they are printed structurally, so the published
// types import nothing but @trpc/server.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MAX_BATCH_CALLS } from '@estate/api/schemas';
import ts from 'typescript';

const packageDir = path.resolve(import.meta.dirname, '..');
const entry = path.join(packageDir, 'scripts/router-source.ts');
const outFile = path.join(packageDir, 'src/generated/router.ts');

// The repository's compiler options (strictness, noUncheckedIndexedAccess, the source condition),
// so the types are the ones the server is checked with.
const config = ts.getParsedCommandLineOfConfigFile(
  path.join(packageDir, 'tsconfig.json'),
  {},
  { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
);
if (!config) throw new Error('cannot read tsconfig.json');
const program = ts.createProgram([entry], config.options);
const checker = program.getTypeChecker();

const source = program.getSourceFile(entry);
const routerAlias = source?.statements.find(ts.isTypeAliasDeclaration);
if (!routerAlias) throw new Error(`${entry} must declare the router's type alias`);
const routerType = checker.getTypeAtLocation(routerAlias.name);

function member(type: ts.Type, name: string, where: string): ts.Type {
  const symbol = type.getProperty(name);
  if (!symbol) throw new Error(`${where}: no "${name}"`);
  return checker.getTypeOfSymbol(symbol);
}

/** A named interface or class of the standard library (Date, AsyncIterable), which every program has: not Record's anonymous mapped type. */
const isLibType = (symbol: ts.Symbol | undefined) =>
  symbol !== undefined &&
  (symbol.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.Class)) !== 0 &&
  (symbol.declarations?.some((declaration) => program.isSourceFileDefaultLibrary(declaration.getSourceFile())) ?? false);

const key = (name: string) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name));

/** One type, spelled out: only primitives, literals, object shapes and the standard library's types (Date, AsyncIterable). */
function print(type: ts.Type, where: string, depth = 0): string {
  if (depth > 40) throw new Error(`${where}: the type is recursive or too deep to spell out`);
  const next = (inner: ts.Type, at: string) => print(inner, at, depth + 1);
  const f = type.flags;
  if (f & ts.TypeFlags.Any) return 'any';
  if (f & ts.TypeFlags.Unknown) return 'unknown';
  if (f & ts.TypeFlags.Never) return 'never';
  if (f & ts.TypeFlags.Void) return 'void';
  if (f & ts.TypeFlags.Undefined) return 'undefined';
  if (f & ts.TypeFlags.Null) return 'null';
  if (f & ts.TypeFlags.String) return 'string';
  if (f & ts.TypeFlags.Number) return 'number';
  if (f & ts.TypeFlags.BigInt) return 'bigint';
  if (f & ts.TypeFlags.Boolean) return 'boolean';
  if (f & ts.TypeFlags.ESSymbol) return 'symbol';
  if (f & ts.TypeFlags.BooleanLiteral) return checker.typeToString(type);
  if (type.isStringLiteral()) return JSON.stringify(type.value);
  if (type.isNumberLiteral()) return String(type.value);
  if (f & ts.TypeFlags.BigIntLiteral) return checker.typeToString(type);
  if (type.isUnion()) {
    const parts = type.types.map((part) => next(part, where));
    // The compiler keeps `boolean` as `false | true`.
    const bool = parts.includes('true') && parts.includes('false');
    const merged = bool ? ['boolean', ...parts.filter((part) => part !== 'true' && part !== 'false')] : parts;
    return merged.join(' | ');
  }
  if (type.isIntersection()) return type.types.map((part) => `(${next(part, where)})`).join(' & ');
  if (!(f & ts.TypeFlags.Object)) throw new Error(`${where}: cannot spell out ${checker.typeToString(type)}`);

  if (checker.isArrayType(type)) {
    const [element] = checker.getTypeArguments(type as ts.TypeReference);
    const name = type.getSymbol()?.getName() === 'ReadonlyArray' ? 'ReadonlyArray' : 'Array';
    return `${name}<${next(element ?? checker.getUnknownType(), `${where}[]`)}>`;
  }
  if (checker.isTupleType(type)) {
    const elements = checker.getTypeArguments(type as ts.TypeReference);
    const flags = ((type as ts.TypeReference).target as ts.TupleType).elementFlags;
    const items = elements.map((element, i) => {
      const printed = next(element, `${where}[${i}]`);
      const flag = flags[i] ?? ts.ElementFlags.Required;
      if (flag & ts.ElementFlags.Rest) return `...Array<${printed}>`;
      return flag & ts.ElementFlags.Optional ? `${printed}?` : printed;
    });
    return `[${items.join(', ')}]`;
  }
  const symbol = type.getSymbol();
  if (isLibType(symbol)) {
    const args = (type as ts.TypeReference).target ? checker.getTypeArguments(type as ts.TypeReference) : [];
    const printed = args.map((arg, i) => next(arg, `${where}<${i}>`));
    return printed.length > 0 ? `${symbol?.getName()}<${printed.join(', ')}>` : `${symbol?.getName()}`;
  }
  if (type.getCallSignatures().length > 0 || type.getConstructSignatures().length > 0) {
    throw new Error(`${where}: a function in the data (${checker.typeToString(type)}) cannot cross the network`);
  }
  const fields = checker.getPropertiesOfType(type).map((property) => {
    const optional = property.flags & ts.SymbolFlags.Optional ? '?' : '';
    const readonly = property.declarations?.some((d) => ts.getCombinedModifierFlags(d) & ts.ModifierFlags.Readonly) ? 'readonly ' : '';
    return `${readonly}${key(property.getName())}${optional}: ${next(checker.getTypeOfSymbol(property), `${where}.${property.getName()}`)}`;
  });
  const indexes = checker.getIndexInfosOfType(type).map((info) => {
    const readonly = info.isReadonly ? 'readonly ' : '';
    return `${readonly}[key: ${next(info.keyType, where)}]: ${next(info.type, `${where}[key]`)}`;
  });
  const all = [...indexes, ...fields];
  return all.length === 0 ? '{}' : `{ ${all.join('; ')} }`;
}

const PROCEDURE_TYPES = {
  query: 'TRPCQueryProcedure',
  mutation: 'TRPCMutationProcedure',
  subscription: 'TRPCSubscriptionProcedure',
} as const;

function docOf(symbol: ts.Symbol, indent: string): string {
  const text = ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim();
  return text ? `${indent}/** ${text.replace(/\*\//g, '*\\/').replace(/\n/g, `\n${indent} * `)} */\n` : '';
}

/** A router's record (its procedures and sub-routers) as nested object types of tRPC's procedure types. */
function printRecord(record: ts.Type, where: string, indent: string): string {
  const lines = checker.getPropertiesOfType(record).map((entry) => {
    const at = where ? `${where}.${entry.getName()}` : entry.getName();
    const value = checker.getTypeOfSymbol(entry);
    const def = value.getProperty('_def') && checker.getTypeOfSymbol(value.getProperty('_def') as ts.Symbol);
    const kind = def?.getProperty('type') && checker.getTypeOfSymbol(def.getProperty('type') as ts.Symbol);
    // tRPC decorates a router's record: a sub-router is a plain object of procedures there.
    if (!def || !kind?.isStringLiteral())
      return `${indent}${key(entry.getName())}: {\n${printRecord(value, at, `${indent}  `)}\n${indent}};`;
    const types = member(def, '$types', at);
    const input = print(member(types, 'input', at), `${at} input`);
    const output = print(member(types, 'output', at), `${at} output`);
    const wrapper = PROCEDURE_TYPES[kind.value as keyof typeof PROCEDURE_TYPES];
    return `${docOf(entry, indent)}${indent}${key(entry.getName())}: ${wrapper}<{ input: ${input}; output: ${output}; meta: object }>;`;
  });
  return lines.join('\n');
}

const def = member(routerType, '_def', 'AppRouter');
const errorShape = print(
  member(member(member(def, '_config', 'AppRouter'), '$types', 'AppRouter'), 'errorShape', 'AppRouter'),
  'errorShape',
);

const text = `// Generated by scripts/router-type.ts from @estate/api's AppRouter: do not edit.
import type { TRPCBuiltRouter, TRPCMutationProcedure, TRPCQueryProcedure, TRPCSubscriptionProcedure } from '@trpc/server';

/** Calls one HTTP request may batch: the server refuses more. */
export const MAX_BATCH_CALLS = ${MAX_BATCH_CALLS};

/** The shape of an error the API sends (\`TRPCClientError#shape\`); \`data\` says what to show and where. */
export type EstateErrorShape = ${errorShape};

/** Estate's API: every procedure with its input and output, as \`createTRPCClient\` needs it. */
export type EstateRouter = TRPCBuiltRouter<
  { ctx: object; meta: object; errorShape: EstateErrorShape; transformer: true },
  {
${printRecord(member(def, 'record', 'AppRouter'), '', '    ')}
  }
>;
`;
// Typecheck and build both generate it, maybe at once: a reader sees the old file or the new, never half of one.
if (!existsSync(outFile) || readFileSync(outFile, 'utf8') !== text) {
  mkdirSync(path.dirname(outFile), { recursive: true });
  const partial = `${outFile}.${process.pid}.partial`;
  writeFileSync(partial, text);
  renameSync(partial, outFile);
}
