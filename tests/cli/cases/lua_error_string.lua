error("the template is not finished")
