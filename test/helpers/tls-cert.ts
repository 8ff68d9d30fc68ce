// A throwaway CA and a server certificate for 127.0.0.1/localhost, made by openssl once per process.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { trackTempDir } from './cleanup.js';

const run = promisify(execFile);

export interface TlsCert {
  ca: Buffer;
  cert: Buffer;
  key: Buffer;
  caPath: string;
  certPath: string;
  keyPath: string;
}

let cached: Promise<TlsCert> | undefined;

export function tlsCert(): Promise<TlsCert> {
  cached ??= makeCert().catch((err: unknown) => {
    cached = undefined; // let a later call retry
    throw err;
  });
  return cached;
}

async function makeCert(): Promise<TlsCert> {
  const dir = await mkdtemp(join(tmpdir(), 'ocredis-tls-'));
  trackTempDir(dir);
  const p = (name: string): string => join(dir, name);
  // EC keys: generated in milliseconds, unlike RSA.
  const newKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  await run('openssl', [
    'req', '-x509', ...newKey, '-keyout', p('ca.key'), '-out', p('ca.crt'), '-days', '3650',
    '-subj', '/CN=ocredis test CA',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  await run('openssl', ['req', '-new', ...newKey, '-keyout', p('server.key'), '-out', p('server.csr'), '-subj', '/CN=localhost']);
  // serverAuth + clientAuth: the same pair can be presented by a client when tls-auth-clients is on.
  await writeFile(
    p('server.ext'),
    [
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
      'basicConstraints=CA:FALSE',
      'keyUsage=critical,digitalSignature,keyEncipherment',
      'extendedKeyUsage=serverAuth,clientAuth',
      '',
    ].join('\n'),
  );
  await run('openssl', [
    'x509', '-req', '-in', p('server.csr'), '-CA', p('ca.crt'), '-CAkey', p('ca.key'), '-CAcreateserial',
    '-out', p('server.crt'), '-days', '3650', '-extfile', p('server.ext'),
  ]);
  const [ca, cert, key] = await Promise.all([readFile(p('ca.crt')), readFile(p('server.crt')), readFile(p('server.key'))]);
  return { ca, cert, key, caPath: p('ca.crt'), certPath: p('server.crt'), keyPath: p('server.key') };
}
