// gazette default theme: the phone menu button, the print button, and data tables opened for
// print (Decree 42 Art. 7: print and save every article). Without JavaScript both buttons stay
// hidden, the menu shows whole and print CSS still shows the tables.
(function () {
  'use strict';
  var reopen = [];
  // the main menu folds behind a button on phones (the CSS shows the button under 600 px); without
  // JavaScript the menu stays open, wrapped on several rows
  var toggle = document.querySelector('[data-menu-toggle]');
  var nav = toggle && toggle.closest('.site-nav');
  if (nav) {
    var setOpen = function (open) {
      toggle.setAttribute('aria-expanded', String(open));
      nav.classList.toggle('menu-open', open);
    };
    toggle.hidden = false;
    nav.classList.add('menu-folds');
    setOpen(false);
    toggle.addEventListener('click', function () {
      setOpen(toggle.getAttribute('aria-expanded') !== 'true');
    });
    nav.addEventListener('keydown', function (e) {
      if (e.key === 'Escape' && nav.classList.contains('menu-open')) {
        setOpen(false);
        toggle.focus();
      }
    });
  }
  document.querySelectorAll('[data-print]').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () { window.print(); });
  });
  window.addEventListener('beforeprint', function () {
    reopen = [];
    document.querySelectorAll('details:not([open])').forEach(function (d) {
      d.open = true;
      reopen.push(d);
    });
    var date = document.querySelector('[data-printed-date]');
    if (date) {
      date.textContent = new Date().toLocaleDateString(document.documentElement.lang || undefined);
      date.parentNode.hidden = false;
    }
  });
  window.addEventListener('afterprint', function () {
    reopen.forEach(function (d) { d.open = false; });
    reopen = [];
  });
}());
