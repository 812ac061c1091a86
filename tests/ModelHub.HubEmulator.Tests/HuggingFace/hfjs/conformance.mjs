// Hugging Face's own JavaScript client (@huggingface/hub) against the emulator's Hugging Face origin.
// Environment: HUB_URL (the origin), HUB_TOKEN and HUB_NO_ACCESS_TOKEN (the documented tokens),
// PUBLIC_REPO (a LoRA repo), LFS_FILE and GIT_FILE (files in it), GATED_REPO and GATED_FILE.
// Prints one line per check; exits non-zero with the reason on the first failure.
import { createHash } from "node:crypto";
import { downloadFile, fileDownloadInfo, listFiles, listModels, modelInfo } from "@huggingface/hub";

const hubUrl = process.env.HUB_URL;
const accessToken = process.env.HUB_TOKEN;
const repo = process.env.PUBLIC_REPO;

function check(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
  console.log(`ok: ${message}`);
}

// Listing: 250 models with a page size of 100 on the server, so the client must follow Link twice.
let listRequests = 0;
const countingFetch = (url, init) => {
  listRequests++;
  return fetch(url, init);
};
const names = [];
for await (const model of listModels({ hubUrl, limit: 250, fetch: countingFetch })) {
  names.push(model.name);
}
check(names.length === 250 && new Set(names).size === 250, `listModels yields 250 distinct models (got ${names.length})`);
check(listRequests >= 3, `listModels followed Link across pages (${listRequests} requests)`);

const info = await modelInfo({ name: repo, hubUrl, accessToken, additionalFields: ["sha", "siblings", "cardData"] });
check(info.name === repo && /^[0-9a-f]{24}$/.test(info.id), `modelInfo names ${repo} with a 24-hex id`);
check(/^[0-9a-f]{40}$/.test(info.sha) && info.siblings.length > 0, "modelInfo has the sha and the siblings");

const files = [];
for await (const file of listFiles({ repo, hubUrl, accessToken, recursive: true })) {
  files.push(file);
}
const lfsFile = files.find((file) => file.path === process.env.LFS_FILE);
const gitFile = files.find((file) => file.path === process.env.GIT_FILE);
check(lfsFile?.lfs?.oid?.length === 64 && gitFile?.oid?.length === 40 && !gitFile.lfs, "listFiles lists an LFS file with its sha256 and a git file with its blob id");

const lfsInfo = await fileDownloadInfo({ repo, path: lfsFile.path, hubUrl, accessToken });
check(lfsInfo.etag === `"${lfsFile.lfs.oid}"` && lfsInfo.size === lfsFile.size, `fileDownloadInfo etag ${lfsInfo.etag} is the LFS sha256, size ${lfsInfo.size}`);
check(lfsInfo.xet?.hash === lfsFile.xetHash, "fileDownloadInfo reads the Xet file info (hash and links)");

const gitInfo = await fileDownloadInfo({ repo, path: gitFile.path, hubUrl, accessToken });
check(gitInfo.etag === `"${gitFile.oid}"` && gitInfo.size === gitFile.size, `fileDownloadInfo of a git file: etag ${gitInfo.etag}, size from Content-Range`);

// The emulator does not speak the Xet CAS protocol: download over the resolve → CDN route.
const blob = await downloadFile({ repo, path: lfsFile.path, hubUrl, accessToken, xet: false });
const bytes = Buffer.from(await blob.arrayBuffer());
const sha256 = createHash("sha256").update(bytes).digest("hex");
check(bytes.length === lfsFile.size && sha256 === lfsFile.lfs.oid, `downloadFile bytes hash to the LFS sha256 (${sha256})`);

async function refusal(token) {
  try {
    await fileDownloadInfo({ repo: process.env.GATED_REPO, path: process.env.GATED_FILE, hubUrl, accessToken: token });
    return "allowed";
  } catch (error) {
    return error.statusCode;
  }
}
check((await refusal(undefined)) === 401, "a gated repo refuses an anonymous download (401)");
check((await refusal(process.env.HUB_NO_ACCESS_TOKEN)) === 403, "a gated repo refuses a user without access (403)");
const allowed = await fileDownloadInfo({ repo: process.env.GATED_REPO, path: process.env.GATED_FILE, hubUrl, accessToken });
check(allowed?.size > 0, "a gated repo lets the approved user download");
