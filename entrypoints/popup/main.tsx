import { render } from 'preact';
render(<p>今日跟进</p>, document.getElementById('app')!);
