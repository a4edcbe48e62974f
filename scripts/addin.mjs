// `npm start` / `npm stop`: sideload the add-in for development.
// On Windows and macOS, Microsoft's office-addin-debugging starts the dev server and sideloads
// manifest.xml into desktop Excel (fetched by npx there: it needs a native module, keytar, that does
// not build on a Linux machine without libsecret, so it is not a dependency). On Linux there is no
// desktop Excel: start serves the add-in and says how to sideload it into Excel on the web.
import { spawn } from 'node:child_process';

const action = process.argv[2] === 'stop' ? 'stop' : 'start';
const desktop = process.platform === 'win32' || process.platform === 'darwin';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(cmd, args) {
  const child = spawn(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  child.on('exit', (code) => process.exit(code ?? 0));
}

if (desktop) {
  run(npx, ['--yes', 'office-addin-debugging', action, 'manifest.xml', ...(action === 'start' ? ['desktop', '--app', 'excel'] : [])]);
} else if (action === 'stop') {
  console.log('Stop the dev server with Ctrl+C where `npm start` runs. In Excel on the web the add-in stays listed until');
  console.log('the browser session ends (or: Home > Add-ins > More add-ins > My add-ins > remove it).');
} else {
  console.log('No desktop Excel on this system: serving the add-in on https://localhost:3000.');
  console.log('Sideload it into Excel on the web: Home > Add-ins > More add-ins > Upload my add-in > manifest.xml');
  console.log('(the full guide: docs/sideloading.md). Trust the development certificate first:');
  console.log('  the CA is ~/.office-addin-dev-certs/ca.crt (made on first start).');
  run(npm, ['run', 'dev-server']);
}
