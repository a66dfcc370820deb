import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { moduleTreeBytes } from '../../src/sourcemap/files.js';

/**
 * moduleTreeBytes decides which compiler parses the .tf files (load.ts): a
 * small root that calls large local modules must count them, or the parser
 * runs on V8's baseline compiler over megabytes.
 */
describe('moduleTreeBytes', () => {
  const tree = () => {
    const dir = mkdtempSync(join(tmpdir(), 'vpcelint-tree-'));
    const write = (path: string, text: string) => {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
      return Buffer.byteLength(text);
    };
    return { dir, write };
  };

  it('counts the root and every local module it calls, through nested calls, once each', () => {
    const { dir, write } = tree();
    let total = write('root/main.tf', 'module "net" {\n  source = "../modules/net"\n}\nmodule "net2" {\n  source="../modules/net"\n}\n');
    total += write('root/vars.tf', 'variable "x" {}\n');
    total += write('modules/net/main.tf', 'module "sub" {\n  source = "./sub"\n}\nmodule "self" { source = "." }\n');
    total += write('modules/net/sub/main.tf', `resource "aws_vpc" "this" {}\n${'# padding\n'.repeat(100)}`);
    write('modules/unused/main.tf', 'x'.repeat(10_000));
    write('root/README.md', 'not terraform');
    expect(moduleTreeBytes(join(dir, 'root'), 1 << 20)).toBe(total);
  });

  it('leaves out registry and git modules, and local sources that are no directory', () => {
    const { dir, write } = tree();
    const root = write('root/main.tf', 'module "vpc" {\n  source = "terraform-aws-modules/vpc/aws"\n}\nresource "aws_s3_object" "o" {\n  source = "./files/app.zip"\n}\nmodule "gone" {\n  source = "./missing"\n}\n');
    write('root/files/app.zip', 'zip');
    write('vpc/main.tf', 'x'.repeat(10_000));
    expect(moduleTreeBytes(join(dir, 'root'), 1 << 20)).toBe(root);
  });

  it('stops counting once past the limit', () => {
    const { dir, write } = tree();
    write('root/main.tf', 'module "a" {\n  source = "./a"\n}\n');
    write('root/a/main.tf', 'x'.repeat(5_000));
    write('root/a/more.tf', 'y'.repeat(5_000));
    const counted = moduleTreeBytes(join(dir, 'root'), 1_000);
    expect(counted).toBeGreaterThan(1_000);
    expect(counted).toBeLessThan(6_000);
  });
});
