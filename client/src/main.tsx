import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import './styles/base.css';
import './styles/layout.css';
import './styles/controls.css';
import './styles/scene.css';
import './styles/injects.css';
import './styles/choices.css';
import './styles/timeline.css';
import './styles/roles.css';
import './styles/people.css';
import './styles/graph.css';
import './styles/home.css';
import './styles/debrief.css';
import './styles/big-screen.css';
import './styles/seats.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
