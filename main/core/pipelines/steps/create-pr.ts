import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { StepConfigError, type StepContext, type StepResult } from './types';

interface FileChange {
  path: string;
  content: string;
  operation: 'create' | 'update' | 'delete';
}

const MAX_FILES = 500;
const MAX_BYTES = 32 * 1024 * 1024;

/**
 * The `git` binary, not isomorphic-git: it speaks every transport and credential setup the
 * user's git does, adds no dependency, and a token goes in through the environment
 * (GIT_CONFIG_*: an Authorization header), never in argv, the URL or the clone's config.
 */
function git(args: string[], cwd: string, signal: AbortSignal, token: string | undefined): Promise<string> {
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_ASKPASS: 'echo' };
  if (token) {
    env.GIT_CONFIG_COUNT = '1';
    env.GIT_CONFIG_KEY_0 = 'http.extraHeader';
    env.GIT_CONFIG_VALUE_0 = `Authorization: Basic ${Buffer.from(`x-access-token:${token}`).toString('base64')}`;
  }
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd, env, signal, maxBuffer: 4 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`git ${args[0]} failed: ${(stderr || err.message).trim().slice(0, 500)}`));
      else resolve(stdout);
    });
  });
}

/** A repository-relative path that stays inside the clone. */
function safeRelative(p: unknown): string {
  if (typeof p !== 'string' || p === '') throw new StepConfigError('every file needs a path');
  const norm = path.posix.normalize(p.replaceAll('\\', '/'));
  if (norm.startsWith('/') || norm === '..' || norm.startsWith('../') || norm.split('/').includes('.git')) {
    throw new StepConfigError(`file path "${p}" must stay inside the repository`);
  }
  return norm;
}

async function filesOf(config: Record<string, unknown>, ctx: StepContext): Promise<FileChange[]> {
  const out: FileChange[] = [];
  if (Array.isArray(config.files)) {
    for (const f of config.files as Record<string, unknown>[]) {
      const operation = f.operation === 'delete' ? 'delete' : f.operation === 'update' ? 'update' : 'create';
      out.push({ path: safeRelative(f.path), content: typeof f.content === 'string' ? f.content : '', operation });
    }
  }
  // Generated files (a regenerate_sdk output_dir), committed under target_dir.
  if (typeof config.include_dir === 'string' && config.include_dir !== '') {
    const dir = path.resolve(ctx.deps.baseDir, config.include_dir);
    const target = typeof config.target_dir === 'string' ? safeRelative(config.target_dir) : path.basename(dir);
    for (const name of await readdir(dir, { recursive: true })) {
      const full = path.join(dir, name);
      if (!(await stat(full)).isFile()) continue;
      out.push({
        path: safeRelative(path.posix.join(target, name.replaceAll('\\', '/'))),
        content: await readFile(full, 'utf8'),
        operation: 'create',
      });
    }
  }
  if (out.length === 0) throw new StepConfigError('nothing to commit: give files, or include_dir');
  if (out.length > MAX_FILES) throw new StepConfigError(`at most ${MAX_FILES} files per pull request`);
  if (out.reduce((n, f) => n + f.content.length, 0) > MAX_BYTES)
    throw new StepConfigError('the files are over 32 MiB together');
  return out;
}

/** "owner/name" of a GitHub-compatible remote, from `github_repository` or the URL's path. */
function repoSlug(config: Record<string, unknown>, repository: string): string | null {
  if (typeof config.github_repository === 'string' && /^[\w.-]+\/[\w.-]+$/.test(config.github_repository))
    return config.github_repository;
  const m = /^https?:\/\/[^/]+\/([\w.-]+)\/([\w.-]+?)(?:\.git)?\/?$/.exec(repository);
  return m ? `${m[1]}/${m[2]}` : null;
}

/**
 * `create_pr`: commits the files to a new branch (`head_branch`, default mockdeck/<pipeline>-<n>)
 * made from `branch` (the base, default main) of `repository` (a local path or a remote URL),
 * pushes it, and for a GitHub-compatible remote opens a pull request through
 * `api_base_url` (https://api.github.com for github.com).
 */
export async function createPr(config: Record<string, unknown>, ctx: StepContext): Promise<StepResult> {
  const repository = typeof config.repository === 'string' ? config.repository : '';
  if (!repository) throw new StepConfigError('repository is required (a local path or a remote URL)');
  const isUrl = /^[a-z][a-z0-9+.-]*:\/\//i.test(repository);
  if (isUrl && !/^(https?|ssh|file):\/\//i.test(repository))
    throw new StepConfigError('repository must be a path or an http(s), ssh or file URL');
  const remote = isUrl ? repository : path.resolve(ctx.deps.baseDir, repository);
  const base = typeof config.branch === 'string' && config.branch ? config.branch : 'main';
  const head =
    typeof config.head_branch === 'string' && config.head_branch
      ? config.head_branch
      : `mockdeck/${ctx.pipeline.name.replace(/[^\w.-]+/g, '-')}-${Date.now().toString(36)}`;
  if (!/^[\w./-]+$/.test(head) || head.includes('..'))
    throw new StepConfigError(`head_branch "${head}" is not a valid branch name`);
  const title = typeof config.title === 'string' && config.title ? config.title : `MockDeck: ${ctx.pipeline.name}`;
  const body = typeof config.body === 'string' ? config.body : '';
  const token = typeof config.token === 'string' && config.token ? config.token : undefined;
  const files = await filesOf(config, ctx);

  const work = await mkdtemp(path.join(tmpdir(), 'mockdeck-pr-'));
  try {
    await git(['clone', '--quiet', '--depth', '1', '--branch', base, '--', remote, work], tmpdir(), ctx.signal, token);
    await git(['checkout', '--quiet', '-b', head], work, ctx.signal, token);
    for (const f of files) {
      const full = path.join(work, f.path);
      if (f.operation === 'delete') await rm(full, { force: true });
      else {
        await mkdir(path.dirname(full), { recursive: true });
        await writeFile(full, f.content);
      }
    }
    await git(['add', '--all'], work, ctx.signal, token);
    const changed = (await git(['status', '--porcelain'], work, ctx.signal, token)).trim();
    if (!changed) return { output: { status: 'no_changes', branch: head } };
    await git(
      ['-c', 'user.name=MockDeck', '-c', 'user.email=pipelines@mockdeck.local', 'commit', '--quiet', '-m', title],
      work,
      ctx.signal,
      token,
    );
    const commit = (await git(['rev-parse', 'HEAD'], work, ctx.signal, token)).trim();
    await git(['push', '--quiet', 'origin', `HEAD:refs/heads/${head}`], work, ctx.signal, token);

    const slug = repoSlug(config, repository);
    const apiBase =
      typeof config.api_base_url === 'string' && config.api_base_url
        ? config.api_base_url.replace(/\/$/, '')
        : /^https:\/\/github\.com\//.test(repository)
          ? 'https://api.github.com'
          : null;
    if (!apiBase || !slug)
      return { output: { status: 'pushed', branch: head, commit, files: files.map((f) => f.path) } };
    const res = await fetch(`${apiBase}/repos/${slug}/pulls`, {
      method: 'POST',
      headers: {
        accept: 'application/vnd.github+json',
        'content-type': 'application/json',
        'user-agent': 'MockDeck-Pipelines',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ title, body, head, base }),
      signal: ctx.signal,
    });
    const answer = (await res.json().catch(() => ({}))) as { number?: number; html_url?: string; message?: string };
    if (!res.ok)
      throw new Error(
        `the pull request was refused (HTTP ${res.status}): ${answer.message ?? 'no message'}; branch ${head} is pushed`,
      );
    return {
      output: {
        status: 'success',
        branch: head,
        commit,
        files: files.map((f) => f.path),
        pr_number: answer.number ?? null,
        pr_url: answer.html_url ?? null,
      },
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
