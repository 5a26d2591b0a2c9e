// The floor for "panel visible": an empty box in a shadow root, where and as big as our panel.
const host = document.createElement('kf-bare');
host.style.cssText = 'position:fixed;top:0;right:0;width:360px;height:100vh;z-index:2147483646;display:block;';
const root = host.attachShadow({ mode: 'closed' });
const box = document.createElement('div');
box.style.cssText = 'width:100%;height:100%;background:#fff;border-left:1px solid #ddd;';
root.append(box);
document.documentElement.append(host);
