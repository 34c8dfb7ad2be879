// The site navigation on a narrow screen: a Menu button that opens and closes the links. Without
// this script (or on a wide screen) every link is shown. A file, not inline: the CSP allows only ours.
(function () {
    var button = document.querySelector('header.site button.menu');
    var nav = document.getElementById('site-nav');
    if (!button || !nav) { return; }
    document.documentElement.classList.add('js');
    button.hidden = false;
    button.addEventListener('click', function () {
        var open = button.getAttribute('aria-expanded') !== 'true';
        button.setAttribute('aria-expanded', String(open));
        nav.classList.toggle('open', open);
    });
})();
