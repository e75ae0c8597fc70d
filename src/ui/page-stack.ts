// H5 only: how the router's page stack shows leaving pages (see page-stack.scss).
import './page-stack.scss'
