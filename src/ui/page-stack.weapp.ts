// weapp: WeChat itself shows one page at a time; the H5 router's page stack is not there.
export {}
