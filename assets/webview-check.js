/* Outturn: is this web view able to run the task pane? Written in ES5 on purpose, so that Internet
   Explorer 11 and Edge Legacy (the web views of Office 2016 and 2019, and of Microsoft 365 builds
   without the WebView2 runtime) can run it; the pane's own code is ES2022 and they cannot parse it.
   On such a web view it says which Excel Outturn needs, instead of a blank pane. */
(function () {
  var ok = typeof Promise === 'function' && typeof Symbol === 'function' && typeof Object.fromEntries === 'function' &&
    typeof Array.prototype.at === 'function' && typeof Object.hasOwn === 'function' && typeof window.Worker === 'function';
  if (ok) return;
  var say = function () {
    var p = document.createElement('p');
    p.id = 'webview-too-old';
    p.setAttribute('role', 'alert');
    p.className = 'message warning';
    p.appendChild(document.createTextNode('Outturn cannot run in this version of Excel: it shows add-ins in an old web browser (Internet Explorer 11 or Edge Legacy). ' +
      'Outturn needs Excel 2021 or later, Microsoft 365 (on Windows with the Microsoft Edge WebView2 runtime, installed with Windows 11 and by current Office), Excel on the web, or Excel for Mac or iPad. ' +
      'The command line (outturn build) works without Excel.'));
    var main = document.getElementsByTagName('main')[0] || document.body;
    main.insertBefore(p, main.firstChild);
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', say);
  else say();
})();
