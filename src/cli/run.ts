/**
 * The `vpcsim` program: parses arguments with commander and runs one command. Returns the exit code
 * instead of exiting, and never throws, so that tests call it directly (main.ts wires the process).
 */
import { Command, CommanderError, Option } from 'commander';
import packageJson from '../../package.json' with { type: 'json' };
import { checkCommand, type CheckOptions } from './check-command.ts';
import { exportTerraformCommand, type ExportOptions } from './export-command.ts';
import { importAwsCommand, importTerraformCommand, type ImportOptions } from './import-command.ts';
import { EXIT_BAD_INPUT, EXIT_OK, printError, type CliIo } from './io.ts';
import { lintCommand, type LintOptions } from './lint-command.ts';
import { errorMessage } from './load.ts';
import { parseIcmpNumberOption, parsePortOption, parseProtocolOption } from './options.ts';
import { traceCommand, type TraceOptions } from './trace-command.ts';

export type { CliIo } from './io.ts';

/** Runs `vpcsim` with `argv` (the arguments after the program name). Resolves to the exit code. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await runProgram(argv, io);
  } catch (e) {
    // Commands report bad input themselves; anything thrown is a defect in vpcsim.
    printError(io, `internal error (a bug in vpcsim): ${errorMessage(e)}`);
    return EXIT_BAD_INPUT;
  }
}

async function runProgram(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode = EXIT_OK;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end through here with exit code 0; every usage error is bad input.
      return e.exitCode === 0 ? EXIT_OK : EXIT_BAD_INPUT;
    }
    throw e;
  }
  return exitCode;
}

function buildProgram(io: CliIo, setExitCode: (code: number) => void): Command {
  const program = new Command('vpcsim');
  // Settings made before `.command()` are inherited by every subcommand.
  program
    .description(
      'Offline simulator of AWS VPC networking: trace a connection hop by hop, run pinned checks, lint files, import from AWS and Terraform, export Terraform.',
    )
    .version(packageJson.version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .helpCommand('help [command]', 'show help for a command')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
      outputError: (s, write) => write(`vpcsim: ${s}`),
    })
    .showHelpAfterError("(run 'vpcsim --help' for usage)");

  program
    .command('trace')
    .description('Can A reach B? Traces the request and the reply hop by hop. Exits 0 whatever the verdict.')
    .argument('<file>', 'topology document (format vpcsim/1)')
    .requiredOption(
      '--from <endpoint>',
      'where the connection starts: instance id, network interface id, external host id, IP address, or internet',
    )
    .requiredOption('--to <endpoint>', 'where it goes: like --from, plus s3 and dynamodb')
    .option('--protocol <protocol>', 'tcp (default), udp, icmp, icmpv6, all, or a protocol number', parseProtocolOption)
    .option('--port <port>', 'destination port (required for tcp and udp)', parsePortOption)
    .addOption(new Option('--family <family>', 'IP family (default 4)').choices(['4', '6']))
    .addOption(
      new Option('--to-address <which>', 'which address of the destination to aim at').choices([
        'private',
        'public',
        'ipv6',
      ]),
    )
    .option('--one-way', 'check the request only, not the reply')
    .option(
      '--source-port <port>',
      "a fixed client source port instead of the client's ephemeral range",
      parsePortOption,
    )
    .option('--icmp-type <type>', 'ICMP type (default: echo request)', parseIcmpNumberOption)
    .option('--icmp-code <code>', 'ICMP code', parseIcmpNumberOption)
    .option('--json', 'print the trace result as JSON')
    .showHelpAfterError("(run 'vpcsim trace --help' for usage)")
    .action((file: string, _options: unknown, command: Command) => {
      setExitCode(traceCommand(file, command.opts<TraceOptions>(), io));
    });

  program
    .command('check')
    .description("Runs every file's pinned checks. Exits 1 if any fails.")
    .argument('<files...>', 'topology documents')
    .option('--json', 'print the results as a JSON array')
    .showHelpAfterError("(run 'vpcsim check --help' for usage)")
    .action((files: string[], _options: unknown, command: Command) => {
      setExitCode(checkCommand(files, command.opts<CheckOptions>(), io));
    });

  program
    .command('lint')
    .description('Prints the diagnostics of each file. Exits 1 if any is an error.')
    .argument('<files...>', 'topology documents')
    .option('--json', 'print the diagnostics as a JSON array')
    .showHelpAfterError("(run 'vpcsim lint --help' for usage)")
    .action((files: string[], _options: unknown, command: Command) => {
      setExitCode(lintCommand(files, command.opts<LintOptions>(), io));
    });

  const importCommand = program
    .command('import')
    .description('Builds a vpcsim document from AWS describe output or Terraform JSON.')
    .showHelpAfterError("(run 'vpcsim import --help' for usage)");

  importCommand
    .command('aws')
    .description(
      'Imports the JSON that `aws ec2 describe-*` prints (one file per call, any names; folders are read recursively, ' +
        'as <region>/ or accounts/<account id>/<region>/). Exits 1 when the input is inconsistent, 2 when nothing is usable.',
    )
    .argument('<paths...>', 'files or folders (scripts/collect-aws.sh writes one)')
    .option('-o, --output <file>', 'write the document here instead of stdout')
    .option('--region <region>', 'region of resources whose region no folder or field says (default us-east-1)')
    .option('--verbose', 'list every warning, not the first few of each kind')
    .showHelpAfterError("(run 'vpcsim import aws --help' for usage)")
    .action((paths: string[], _options: unknown, command: Command) => {
      setExitCode(importAwsCommand(paths, command.opts<ImportOptions>(), io));
    });

  importCommand
    .command('terraform')
    .description(
      'Imports the output of `terraform show -json` (a state or a plan), modules included. Exits 1 when the input is ' +
        'inconsistent, 2 when nothing is usable.',
    )
    .argument('<file>', 'the JSON file')
    .option('-o, --output <file>', 'write the document here instead of stdout')
    .option('--verbose', 'list every warning, not the first few of each kind')
    .showHelpAfterError("(run 'vpcsim import terraform --help' for usage)")
    .action((file: string, _options: unknown, command: Command) => {
      setExitCode(importTerraformCommand(file, command.opts<ImportOptions>(), io));
    });

  program
    .command('export')
    .description('Writes a document in another format.')
    .command('terraform')
    .description('Writes the design as Terraform HCL (main.tf): the same resources, with references between them.')
    .argument('<file>', 'topology document (format vpcsim/1)')
    .option('-o, --output <file>', 'write the HCL here instead of stdout')
    .showHelpAfterError("(run 'vpcsim export terraform --help' for usage)")
    .action((file: string, _options: unknown, command: Command) => {
      setExitCode(exportTerraformCommand(file, command.opts<ExportOptions>(), io));
    });

  return program;
}
