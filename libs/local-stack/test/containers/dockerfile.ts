/** One instruction of a Dockerfile, continuation lines joined: `{ keyword: 'COPY', args: '--from=build /out/ ./' }`. */
export interface DockerInstruction {
  readonly keyword: string;
  readonly args: string;
}

/** A build stage: its `FROM` image, its `AS` name (if any) and its instructions. */
export interface DockerStage {
  readonly from: string;
  readonly name?: string;
  readonly instructions: readonly DockerInstruction[];
}

/** Splits a Dockerfile into instructions: comments and blank lines dropped, `\` continuations joined. */
export function parseInstructions(text: string): DockerInstruction[] {
  const instructions: DockerInstruction[] = [];
  let pending = '';
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (pending === '' && (line === '' || line.startsWith('#'))) continue;
    if (line.startsWith('#')) continue;
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1)} `;
      continue;
    }
    const whole = `${pending}${line}`.trim();
    pending = '';
    const [keyword, ...rest] = whole.split(/\s+/);
    instructions.push({ keyword: keyword!.toUpperCase(), args: rest.join(' ') });
  }
  return instructions;
}

/** The stages of a Dockerfile, in order; instructions before the first `FROM` (global ARGs) are dropped. */
export function parseStages(text: string): DockerStage[] {
  const stages: { from: string; name?: string; instructions: DockerInstruction[] }[] = [];
  for (const instruction of parseInstructions(text)) {
    if (instruction.keyword === 'FROM') {
      const match = /^(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?$/i.exec(instruction.args);
      stages.push({ from: match?.[1] ?? instruction.args, name: match?.[2]?.toLowerCase(), instructions: [] });
    } else {
      stages.at(-1)?.instructions.push(instruction);
    }
  }
  return stages;
}

/** The `ENV` settings of a stage, both `ENV A=1 B=2` and the legacy `ENV A 1` forms. */
export function stageEnv(stage: DockerStage): Map<string, string> {
  const env = new Map<string, string>();
  for (const { keyword, args } of stage.instructions) {
    if (keyword !== 'ENV') continue;
    if (!args.includes('=')) {
      const [name, ...value] = args.split(/\s+/);
      env.set(name!, value.join(' '));
      continue;
    }
    for (const [, name, value] of args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|\S*)/g)) env.set(name!, value!.replace(/^"|"$/g, ''));
  }
  return env;
}
