// Command-line options of `npm run bench`.
import {
  CLIENTS,
  DEFAULT_SIZES,
  isClient,
  isWorkload,
  QUICK_SIZES,
  WORKLOADS,
  type ClientName,
  type WorkloadName,
  type WorkloadSize,
} from './workload-names.js';

export interface BenchOptions {
  reps: number;
  quick: boolean;
  workloads: WorkloadName[];
  clients: ClientName[];
  sizes: Record<WorkloadName, WorkloadSize>;
  /** Where latest.md / latest.json go; '' to skip writing. */
  outDir: string;
}

export const USAGE = `npm run bench -- [--quick] [--reps=N] [--only=w1,w2] [--clients=c1,c2] [--out=dir|--no-write]
  workloads: ${WORKLOADS.join(', ')}
  clients:   ${CLIENTS.join(', ')}
  --quick    2 repetitions and smaller counts (a smoke run, ~2 min)
  --reps=N   repetitions per client and workload (default 5; medians are reported)`;

function list<T extends string>(value: string, valid: (name: string) => name is T, kind: string): T[] {
  const names = value.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
  for (const name of names) if (!valid(name)) throw new Error(`unknown ${kind} "${name}"\n${USAGE}`);
  return names as T[];
}

export function parseOptions(argv: readonly string[]): BenchOptions {
  const quick = argv.includes('--quick');
  const options: BenchOptions = {
    reps: quick ? 2 : 5,
    quick,
    workloads: [...WORKLOADS],
    clients: [...CLIENTS],
    sizes: { ...(quick ? QUICK_SIZES : DEFAULT_SIZES) },
    outDir: new URL('./results/', import.meta.url).pathname,
  };
  for (const arg of argv) {
    const [key, value = ''] = arg.split('=', 2) as [string, string?];
    switch (key) {
      case '--quick':
        break;
      case '--reps':
        options.reps = Number(value);
        if (!Number.isInteger(options.reps) || options.reps < 1) throw new Error(`--reps must be a positive integer\n${USAGE}`);
        break;
      case '--only':
        options.workloads = list(value, isWorkload, 'workload');
        break;
      case '--clients':
        options.clients = list(value, isClient, 'client');
        break;
      case '--out':
        options.outDir = value;
        break;
      case '--no-write':
        options.outDir = '';
        break;
      case '--help':
      case '-h':
        console.log(USAGE);
        process.exit(0);
        break;
      default:
        throw new Error(`unknown option ${arg}\n${USAGE}`);
    }
  }
  return options;
}
