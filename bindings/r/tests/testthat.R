library(testthat)
library(planomsorg)
test_check("planomsorg")
